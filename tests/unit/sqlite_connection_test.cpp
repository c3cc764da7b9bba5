// The SQLite access layer against real database files: DatabaseError's code and statement, checked
// binds, statements that keep their connection alive, the lock seen as SQLITE_BUSY.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "dbmigrate/error.hpp"
#include "dialect/sqlite/connection.hpp"
#include "unit/temp_folder.hpp"

using namespace dbmigrate;
using dbmigrate::testing::TempFolderTest;

namespace {

class SqliteConnectionTest : public TempFolderTest {
 protected:
  [[nodiscard]] std::string database() const { return (dir_ / "app.db").string(); }

  // The rows of `sql`'s first column, read on a connection of its own.
  [[nodiscard]] std::vector<std::string> rows(const std::string& sql) const {
    sqlite::Connection reader(database(), SQLITE_OPEN_READONLY);
    auto statement = reader.prepare(sql);
    std::vector<std::string> values;
    while (statement.step()) values.push_back(statement.text(0));
    return values;
  }
};

TEST_F(SqliteConnectionTest, Execute_UniqueViolation_ThrowsDatabaseErrorWithCodeAndStatement) {
  sqlite::Connection db(database());
  db.execute("CREATE TABLE users (email TEXT UNIQUE); INSERT INTO users VALUES ('a@x');");
  try {
    db.execute("INSERT INTO users VALUES ('b@x');\nINSERT INTO users VALUES ('a@x');");
    FAIL() << "the second INSERT violates UNIQUE";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.code(), SQLITE_CONSTRAINT_UNIQUE);
    EXPECT_EQ(error.kind(), ErrorKind::database);
    EXPECT_EQ(error.statement(), "INSERT INTO users VALUES ('a@x');");
    EXPECT_EQ(error.reason(), "UNIQUE constraint failed: users.email");
  }
  EXPECT_EQ(rows("SELECT email FROM users ORDER BY email"),
            (std::vector<std::string>{"a@x", "b@x"}));
}

TEST_F(SqliteConnectionTest, Step_NotNullViolation_NamesThePreparedStatement) {
  sqlite::Connection db(database());
  db.execute("CREATE TABLE t (name TEXT NOT NULL)");
  auto insert = db.prepare("INSERT INTO t (name) VALUES (?1)");
  insert.bind_null(1);
  try {
    (void)insert.step();
    FAIL() << "NULL into a NOT NULL column";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.code(), SQLITE_CONSTRAINT_NOTNULL);
    EXPECT_EQ(error.statement(), "INSERT INTO t (name) VALUES (?1)");
  }
  EXPECT_EQ(rows("SELECT count(*) FROM t"), std::vector<std::string>{"0"});
}

TEST_F(SqliteConnectionTest, Bind_NoSuchParameter_ThrowsInsteadOfInsertingNull) {
  sqlite::Connection db(database());
  db.execute("CREATE TABLE t (name TEXT)");
  auto insert = db.prepare("INSERT INTO t (name) VALUES (?1)");
  try {
    insert.bind(2, std::string_view("alice"));
    (void)insert.step();
    FAIL() << "parameter 2 does not exist";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.code(), SQLITE_RANGE);
    EXPECT_EQ(error.statement(), "INSERT INTO t (name) VALUES (?1)");
  }
  EXPECT_EQ(rows("SELECT count(*) FROM t"), std::vector<std::string>{"0"});
}

TEST_F(SqliteConnectionTest, Transaction_LockHeldByAnotherConnection_FailsWithBusyCode) {
  sqlite::Connection holder(database());
  holder.execute("CREATE TABLE t (x)");
  sqlite::Transaction held(holder);
  holder.execute("INSERT INTO t VALUES (1)");

  sqlite::Connection waiter(database());
  waiter.set_busy_timeout(std::chrono::milliseconds(50));
  try {
    sqlite::Transaction blocked(waiter);
    FAIL() << "BEGIN IMMEDIATE cannot take a lock another connection holds";
  } catch (const DatabaseError& error) {
    EXPECT_TRUE(sqlite::is_busy(error));
    EXPECT_EQ(error.code() & 0xff, SQLITE_BUSY);
    EXPECT_EQ(error.statement(), "BEGIN IMMEDIATE");
  }
  held.commit();
  sqlite::Transaction now_free(waiter);  // the lock is free again
  now_free.commit();
  EXPECT_EQ(rows("SELECT x FROM t"), std::vector<std::string>{"1"});
}

TEST_F(SqliteConnectionTest, Statement_OutlivingItsConnectionObject_KeepsReadingThenCloses) {
  std::optional<sqlite::Statement> statement;
  {
    sqlite::Connection db(database());
    db.execute("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);");
    statement.emplace(db.prepare("SELECT n FROM t ORDER BY n"));
  }
  // The database stays open for the statement (and is closed with it: LeakSanitizer checks).
  std::vector<std::int64_t> values;
  while (statement->step()) values.push_back(statement->integer(0));
  EXPECT_EQ(values, (std::vector<std::int64_t>{1, 2, 3}));
  statement.reset();
  // Closed, not merely abandoned: the file can be taken exclusively.
  sqlite::Connection other(database());
  other.execute("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;");
}

TEST_F(SqliteConnectionTest, Execute_FailingStatementAfterBlankLines_IsNamedByItsOwnText) {
  sqlite::Connection db(database());
  try {
    db.execute(
        "CREATE TABLE a (x);\n\n  -- then\n  INSERT INTO missing VALUES (1);\nCREATE TABLE b (x);");
    FAIL() << "table 'missing' does not exist";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.statement(), "INSERT INTO missing VALUES (1);");
    EXPECT_EQ(error.code(), SQLITE_ERROR);
    EXPECT_NE(std::string(error.what()).find("in statement 'INSERT INTO missing VALUES (1);'"),
              std::string::npos)
        << error.what();
  }
  EXPECT_EQ(rows("SELECT name FROM sqlite_schema"), std::vector<std::string>{"a"});
}

TEST_F(SqliteConnectionTest, Open_MissingFolder_ThrowsDatabaseErrorWithCantOpen) {
  try {
    sqlite::Connection db((dir_ / "no" / "such" / "app.db").string());
    FAIL() << "the folder does not exist";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.code() & 0xff, SQLITE_CANTOPEN);
    EXPECT_EQ(error.statement(), "");
  }
}

}  // namespace
