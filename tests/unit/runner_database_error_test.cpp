// What a caller of the runner learns when SQLite refuses a revision's statement: the database's
// own code and the statement at fault, with the revision rolled back.
#include <gtest/gtest.h>

#include "dbmigrate/error.hpp"
#include "revision_builder.hpp"
#include "runner_fixture.hpp"

namespace dbmigrate::testing {
namespace {

TEST_F(RunnerTest, Upgrade_UniqueViolation_ThrowsDatabaseErrorWithCodeAndStatement) {
  add("aaaa", {}, "CREATE TABLE users (email TEXT UNIQUE);\nINSERT INTO users VALUES ('a@x');",
      "DROP TABLE users;");
  add("bbbb", {"aaaa"}, "INSERT INTO users VALUES ('b@x');\nINSERT INTO users VALUES ('a@x');",
      "DELETE FROM users WHERE email = 'b@x';");
  Runner runner = open_sqlite_runner(database());
  try {
    (void)runner.upgrade(graph(), "head", reporter_);
    FAIL() << "the second INSERT of bbbb violates UNIQUE";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.code(), SQLITE_CONSTRAINT_UNIQUE);
    EXPECT_EQ(error.statement(), "INSERT INTO users VALUES ('a@x');");
    EXPECT_EQ(error.kind(), ErrorKind::database);
    EXPECT_NE(std::string(error.what())
                  .find("statement 'INSERT INTO users VALUES ('a@x');' "
                        "failed: UNIQUE constraint failed: users.email"),
              std::string::npos)
        << error.what();
  }
  auto db = look();
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_version"), Ids{"aaaa"});
  EXPECT_EQ(column(db, "SELECT email FROM users"), Ids{"a@x"});
}

}  // namespace
}  // namespace dbmigrate::testing
