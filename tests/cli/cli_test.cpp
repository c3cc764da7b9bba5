// The first command-line tests: init, migrate, a repeated migrate, bad input, a database URL
// as a snapshot source.
#include "cli_fixture.hpp"
#include "dbmigrate/snapshot_json.hpp"

namespace dbmigrate::cli_test {
namespace {

TEST_F(Cli, InitMigrateAndNoChange) {
  ASSERT_EQ(run("init").code, 0);
  EXPECT_TRUE(exists("migrations/dbmigrate.json"));
  write("model.sql", "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name TEXT);\n");
  auto migrated = run("migrate -m 'Initial migration' --model model.sql");
  ASSERT_EQ(migrated.code, 0) << migrated.text();
  EXPECT_TRUE(contains(migrated.out, "Detected added table 'users'")) << migrated.out;
  ASSERT_EQ(versions().size(), 1u);
  Revision revision = parse_revision(read_file(versions()[0]), versions()[0]);
  EXPECT_EQ(revision.message, "Initial migration");
  EXPECT_TRUE(revision.parents.empty());
  EXPECT_TRUE(contains(revision.upgrade_sql, "CREATE TABLE users ("));
  EXPECT_EQ(revision.downgrade_sql,
            "-- WARNING: drops table 'users' and every row in it\nDROP TABLE users;");
  Snapshot head = snapshot_from_json(read("migrations/schema.json"));
  EXPECT_EQ(head.head, revision.id);
  ASSERT_EQ(head.tables.size(), 1u);

  auto again = run("migrate -m again --model model.sql");
  EXPECT_EQ(again.code, 0);
  EXPECT_TRUE(contains(again.out, "No changes in schema detected."));
  EXPECT_EQ(versions().size(), 1u);

  write("model.sql",
        "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name TEXT, age INTEGER);\n");
  auto second = run("--model model.sql migrate -m 'add age'");
  ASSERT_EQ(second.code, 0) << second.text();
  ASSERT_EQ(versions().size(), 2u);
  auto history = run("history");
  EXPECT_TRUE(contains(history.out, "(head), add age")) << history.out;
}

TEST_F(Cli, BadInputIsExitTwoAndTouchesNothing) {
  EXPECT_EQ(run("history").code, 2);  // no migrations folder
  ASSERT_EQ(run("init").code, 0);
  EXPECT_EQ(run("init").code, 2);  // refuses to overwrite
  write("broken.json", "{\"format\": 1, \"tables\": [");
  std::string schema_before = read("migrations/schema.json");
  auto broken = run("migrate -m x --model broken.json");
  EXPECT_EQ(broken.code, 2);
  EXPECT_TRUE(contains(broken.err, "broken.json: not valid JSON at line 1")) << broken.err;
  EXPECT_EQ(read("migrations/schema.json"), schema_before);
  EXPECT_TRUE(versions().empty());
  EXPECT_EQ(run("show nothing").code, 2);
  EXPECT_EQ(run("frobnicate").code, 2);
  EXPECT_EQ(run("snapshot mysql://x/y").code, 2);
  EXPECT_EQ(run("--help").code, 0);
}

TEST_F(Cli, SnapshotOfADatabaseUrl) {
  write("schema.sql", "CREATE TABLE t (id INTEGER NOT NULL, PRIMARY KEY (id));\n");
  ASSERT_EQ(shell("sqlite3 app.db < schema.sql").code, 0);
  auto from_db = run("snapshot sqlite:///app.db");
  auto from_sql = run("snapshot schema.sql");
  ASSERT_EQ(from_db.code, 0) << from_db.text();
  EXPECT_EQ(from_db.out, from_sql.out);
  EXPECT_EQ(from_db.out, to_json(snapshot_from_json(from_db.out)));
}

}  // namespace
}  // namespace dbmigrate::cli_test
