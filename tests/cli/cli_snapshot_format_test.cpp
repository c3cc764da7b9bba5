// A project whose schema.json was written in format 1 (tests/snapshots/format1/, docs/snapshot.md
// "Format 1"): every command reads it as the schema it was, nothing is a change, and the next
// revision writes it as format 2.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

const fs::path format1 = fs::path(DBMIGRATE_SOURCE_DIR) / "tests" / "snapshots" / "format1";

class SnapshotFormat : public Cli {
 protected:
  // A project at one revision made from the fixture's schema.sql, its schema.json replaced by
  // the fixture's format-1 file of the same schema.
  void SetUp() override {
    Cli::SetUp();
    ASSERT_EQ(run("init").code, 0);
    write("model.sql", read_file(format1 / "schema.sql"));
    ASSERT_EQ(run("migrate -m initial --model model.sql").code, 0);
    initial_ = revision("initial");
    std::string old = read_file(format1 / "schema.json");
    const std::string start = "{\n  \"format\": 1,\n";
    ASSERT_EQ(old.rfind(start, 0), 0u);
    old.insert(start.size(), "  \"head\": \"" + initial_.id + "\",\n");
    write("migrations/schema.json", old);
  }
  Revision initial_;
};

TEST_F(SnapshotFormat, Format1SchemaJson_MatchesTheModelAndTheRevisions) {
  const FolderState before = state();
  for (const char* command : {"check", "check --model model.sql"}) {
    auto clean = run(command);
    EXPECT_EQ(clean.code, 0) << command << "\n" << clean.text();
    EXPECT_EQ(clean.lines(), (Lines{"No problems found: the model matches the migrations."})) << command;
  }
  auto same = run("migrate -m nothing --model model.sql");
  EXPECT_EQ(same.code, 0) << same.text();
  EXPECT_EQ(same.lines(), (Lines{"No changes in schema detected."}));
  EXPECT_EQ(state(), before);
}

TEST_F(SnapshotFormat, NextRevision_HoldsOnlyTheChange_AndWritesFormat2) {
  write("model.sql", read_file(format1 / "schema.sql") + "CREATE TABLE extra (id INTEGER PRIMARY KEY);\n");
  auto next = run("migrate -m extra --model model.sql");
  ASSERT_EQ(next.code, 0) << next.text();
  ASSERT_EQ(next.lines().size(), 2u) << next.text();
  EXPECT_EQ(next.lines()[0], "Detected added table 'extra'");
  const std::string written = read("migrations/schema.json");
  EXPECT_EQ(written.rfind("{\n  \"format\": 2,\n", 0), 0u) << written;
  EXPECT_NE(written.find("\"sqlite\": {"), std::string::npos);
  EXPECT_EQ(written.find("\"without_rowid\": true,\n      \"renamed"), std::string::npos);
  auto clean = run("check --model model.sql");
  EXPECT_EQ(clean.code, 0) << clean.text();
  // The database the two revisions build has every SQLite option of the fixture.
  ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  EXPECT_EQ(query("app.db", "SELECT name, wr, strict FROM pragma_table_list WHERE schema = 'main' AND type = "
                            "'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'dbmigrate%' ORDER BY name"),
            (std::vector<std::vector<std::string>>{{"accounts", "0", "0"},
                                                   {"events", "1", "1"},
                                                   {"extra", "0", "0"},
                                                   {"samples", "0", "1"},
                                                   {"settings", "1", "0"}}));
}

}  // namespace
}  // namespace dbmigrate::cli_test
