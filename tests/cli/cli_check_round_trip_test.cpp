// check's round trip: each revision is applied, reverted and applied again on the scratch
// database. Schemas are compared by their stored text first and inspected only when that
// differs, so a downgrade that spells a table otherwise (a rebuild quotes its name) passes,
// and one that leaves or loses something is named.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

class CheckRoundTrip : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    ASSERT_EQ(run("init").code, 0);
    write_revision("111111111111", "", "users", "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name TEXT);",
                   "DROP TABLE users;");
  }
  // A third revision after the second, then schema.json as the revisions make it, so that only
  // the round trip can fail.
  void rebuild_schema_after_email() {
    write_revision("333333333333", "222222222222", "email", "ALTER TABLE users ADD COLUMN email TEXT;",
                   "ALTER TABLE users DROP COLUMN email;");
    ASSERT_EQ(run("rebuild-schema").code, 0);
  }
};

TEST_F(CheckRoundTrip, DowngradeSpellingTheTableOtherwise_IsTheSameSchema) {
  write_revision("222222222222", "111111111111", "age", "ALTER TABLE users ADD COLUMN age INTEGER;",
                 "CREATE TABLE \"_new_users\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"name\" TEXT);\n"
                 "INSERT INTO \"_new_users\" (\"id\", \"name\") SELECT id, name FROM users;\n"
                 "DROP TABLE users;\n"
                 "ALTER TABLE \"_new_users\" RENAME TO \"users\";");
  rebuild_schema_after_email();
  const auto checked = run("check");
  EXPECT_EQ(checked.code, 0) << checked.text();
}

TEST_F(CheckRoundTrip, DowngradeLeavingSomething_IsNamedAndSoIsTheUpgradeAfterIt) {
  write_revision("222222222222", "111111111111", "age", "ALTER TABLE users ADD COLUMN age INTEGER;",
                 "ALTER TABLE users DROP COLUMN age;\nCREATE INDEX ix_users_id ON users (id);");
  rebuild_schema_after_email();
  const auto checked = run("check");
  EXPECT_EQ(checked.code, 1) << checked.text();
  EXPECT_EQ(checked.lines(),
            (std::vector<std::string>{
                "revision 222222222222 (222222222222_age.sql): downgrade does not restore the schema before it: "
                "removed index 'ix_users_id' on 'users'",
                "revision 222222222222: upgrade after downgrade gives another schema: added index "
                "'ix_users_id' on 'users' (id)",
                "replaying the revisions does not give schema.json: removed index 'ix_users_id' on 'users'"}))
      << checked.out;
}

TEST_F(CheckRoundTrip, DowngradeLosingSomething_IsNamed) {
  write_revision("222222222222", "111111111111", "audit", "CREATE TABLE audit (id INTEGER);",
                 "DROP TABLE audit;\nDROP TABLE users;");
  rebuild_schema_after_email();
  const auto checked = run("check");
  EXPECT_EQ(checked.code, 1) << checked.text();
  ASSERT_FALSE(checked.lines().empty()) << checked.out;
  EXPECT_EQ(checked.lines().front(),
            "revision 222222222222 (222222222222_audit.sql): downgrade does not restore the schema before it: "
            "added table 'users'")
      << checked.out;
}

}  // namespace
}  // namespace dbmigrate::cli_test
