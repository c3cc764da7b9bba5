// The needs headers through the binary: migrate writes the dialect and what each section needs
// (docs/cli.md, "Revision headers"); a revision for another dialect or with a malformed needs
// header is refused before anything runs.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

constexpr const char* parent_and_child =
    "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n"
    "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent "
    "(id) ON DELETE CASCADE, note TEXT);\n";

// The value of each header `key` of the revision, in file order.
Lines header_values(const Revision& revision, const std::string& key) {
  Lines values;
  for (const auto& header : revision.headers) {
    if (header.key == key) values.push_back(header.value);
  }
  return values;
}

class NeedsHeaders : public Cli {};

TEST_F(NeedsHeaders, Migrate_WritesTheDialectAndWhatEachSectionNeeds) {
  ASSERT_EQ(run("init").code, 0);
  write("model.sql", parent_and_child);
  ASSERT_EQ(run("migrate -m tables --model model.sql").code, 0);
  write("model.sql",
        "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');\n"
        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent "
        "(id) ON DELETE CASCADE, note TEXT);\n");
  ASSERT_EQ(run("migrate -m rebuild --model model.sql").code, 0);
  write("model.sql",
        "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');\n"
        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent "
        "(id) ON DELETE CASCADE);\n");
  ASSERT_EQ(run("migrate -m drop_note --model model.sql").code, 0);

  const auto tables = revision("tables");
  EXPECT_EQ(header_values(tables, "Dialect"), Lines{"sqlite"});
  EXPECT_EQ(header_values(tables, "Upgrade Destructive"), Lines{});
  EXPECT_EQ(header_values(tables, "Downgrade Destructive"), Lines{"yes"});
  EXPECT_EQ(header_values(tables, "Upgrade Foreign Keys"), Lines{});

  const auto rebuild = revision("rebuild");
  EXPECT_EQ(header_values(rebuild, "Dialect"), Lines{"sqlite"});
  EXPECT_EQ(header_values(rebuild, "Upgrade Foreign Keys"), Lines{"off"});
  EXPECT_EQ(header_values(rebuild, "Downgrade Foreign Keys"), Lines{"off"});
  EXPECT_EQ(header_values(rebuild, "Upgrade Destructive"), Lines{});

  const auto drop_note = revision("drop_note");
  EXPECT_EQ(header_values(drop_note, "Upgrade Destructive"), Lines{"yes"});
  EXPECT_EQ(header_values(drop_note, "Downgrade Destructive"), Lines{});
  EXPECT_EQ(header_values(drop_note, "Upgrade Foreign Keys"), Lines{});

  // The headers drive the run: the destructive revision is backed up for.
  ASSERT_EQ(run("upgrade " + rebuild.id + " --url sqlite:///app.db").code, 0);
  const auto upgrade = run("upgrade --url sqlite:///app.db");
  ASSERT_EQ(upgrade.code, 0) << upgrade.text();
  EXPECT_TRUE(contains(upgrade.out, "Backed up the database to ")) << upgrade.out;
}

TEST_F(NeedsHeaders, Upgrade_RevisionForAnotherDialect_ExitTwoNamingItAndBothDialects) {
  ASSERT_EQ(run("init").code, 0);
  write_revision("111111111111", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
  write("migrations/versions/222222222222_two.sql",
        "-- Revision ID: 222222222222\n"
        "-- Revises: 111111111111\n"
        "-- Create Date: 2026-11-24 10:00:00+00:00\n"
        "-- Message: two\n"
        "-- Dialect: postgresql\n"
        "\n-- migrate:upgrade\nCREATE TABLE two (id SERIAL PRIMARY KEY);\n"
        "\n-- migrate:downgrade\nDROP TABLE two;\n");
  const auto result = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "revision 222222222222 (")) << result.err;
  EXPECT_TRUE(contains(result.err, "222222222222_two.sql")) << result.err;
  EXPECT_TRUE(contains(result.err, "generated for postgresql, not for sqlite")) << result.err;
  EXPECT_EQ(tables("app.db"), Lines{});
  EXPECT_FALSE(contains(result.out, "Running upgrade")) << result.out;

  const auto sql = run("upgrade --sql");
  EXPECT_EQ(sql.code, 2) << sql.text();
  EXPECT_TRUE(contains(sql.err, "generated for postgresql, not for sqlite")) << sql.err;
}

TEST_F(NeedsHeaders, Upgrade_MalformedNeedsHeader_ExitTwoNamingTheLine) {
  ASSERT_EQ(run("init").code, 0);
  write("migrations/versions/111111111111_one.sql",
        "-- Revision ID: 111111111111\n"
        "-- Revises:\n"
        "-- Create Date: 2026-11-24 10:00:00+00:00\n"
        "-- Message: one\n"
        "-- Dialect: sqlite\n"
        "-- Upgrade Destructive: maybe\n"
        "\n-- migrate:upgrade\nCREATE TABLE one (id INTEGER);\n"
        "\n-- migrate:downgrade\nDROP TABLE one;\n");
  const auto result = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "111111111111_one.sql:6:")) << result.err;
  EXPECT_TRUE(contains(result.err, "'-- Upgrade Destructive: maybe' says neither 'yes' nor 'no'"))
      << result.err;
  EXPECT_FALSE(exists("app.db") && !tables("app.db").empty());
}

}  // namespace
}  // namespace dbmigrate::cli_test
