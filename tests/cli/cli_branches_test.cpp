// Branches, merge and stamp through the binary: two revisions on one parent, what heads,
// upgrade and branches say about them, the merge revision that joins them; stamp moving the
// version table without running SQL.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

// base <- aaaaaaaaaaaa (left), base <- bbbbbbbbbbbb (right); `base` from `revision -m`.
class Branches : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    ASSERT_EQ(run("init").code, 0);
    ASSERT_EQ(run("revision -m base").code, 0);
    base_ = revision("base").id;
    write_revision("aaaaaaaaaaaa", base_, "left", "CREATE TABLE l (id INTEGER);", "DROP TABLE l;");
    write_revision("bbbbbbbbbbbb", base_, "right", "CREATE TABLE r (id INTEGER);", "DROP TABLE r;");
  }
  std::string base_;
};

TEST_F(Branches, Heads_ListsBothBranches) {
  auto heads = run("heads");
  EXPECT_EQ(heads.code, 0);
  EXPECT_EQ(heads.lines(), (Lines{"aaaaaaaaaaaa (head)", "bbbbbbbbbbbb (head)"}));
  auto branches = run("branches");
  EXPECT_EQ(branches.code, 0);
  EXPECT_EQ(branches.lines(), (Lines{base_ + " (branchpoint), base", "  -> aaaaaaaaaaaa, left",
                                     "  -> bbbbbbbbbbbb, right"}));
}

TEST_F(Branches, Upgrade_WithTwoHeadsRefusesNamingThemAndTouchesNothing) {
  const FolderState before = state();
  auto refused = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(refused.code, 2);
  EXPECT_TRUE(contains(refused.err, "aaaaaaaaaaaa") && contains(refused.err, "bbbbbbbbbbbb"))
      << refused.err;
  EXPECT_TRUE(contains(refused.err, "heads") && contains(refused.err, "merge")) << refused.err;
  EXPECT_EQ(state(), before);  // not even an empty database file
}

TEST_F(Branches, UpgradeHeads_AppliesBothBranches) {
  auto upgraded = run("upgrade heads --url sqlite:///app.db");
  ASSERT_EQ(upgraded.code, 0) << upgraded.text();
  EXPECT_EQ(upgraded.lines(), (Lines{"Running upgrade  -> " + base_ + ", base",
                                     "Running upgrade " + base_ + " -> aaaaaaaaaaaa, left",
                                     "Running upgrade " + base_ + " -> bbbbbbbbbbbb, right"}));
  EXPECT_EQ(tables("app.db"), (Lines{"l", "r"}));
  EXPECT_EQ(version("app.db"), (Lines{"aaaaaaaaaaaa", "bbbbbbbbbbbb"}));
  EXPECT_EQ(run("current --url sqlite:///app.db").lines(),
            (Lines{"aaaaaaaaaaaa (head), left", "bbbbbbbbbbbb (head), right"}));
}

TEST_F(Branches, Merge_JoinsTheHeadsIntoOne) {
  ASSERT_EQ(run("upgrade heads --url sqlite:///app.db").code, 0);
  auto merged = run("merge -m \"merge\" heads");
  ASSERT_EQ(merged.code, 0) << merged.text();
  const Revision merge = revision("merge");
  EXPECT_EQ(merged.lines(), (Lines{"Generating migrations/versions/" +
                                   merge.path.filename().string() + " ... done"}));
  EXPECT_TRUE(contains(read_file(merge.path), "\n-- Revises: aaaaaaaaaaaa, bbbbbbbbbbbb\n"))
      << read_file(merge.path);
  EXPECT_EQ(run("heads").lines(), (Lines{merge.id + " (head)"}));
  EXPECT_EQ(run("history").lines(),
            (Lines{"aaaaaaaaaaaa, bbbbbbbbbbbb -> " + merge.id + " (head) (mergepoint), merge",
                   base_ + " -> bbbbbbbbbbbb, right", base_ + " -> aaaaaaaaaaaa, left",
                   "<base> -> " + base_ + " (branchpoint), base"}));
  EXPECT_EQ(run("branches").lines(),
            (Lines{base_ + " (branchpoint), base", "  -> aaaaaaaaaaaa, left",
                   "  -> bbbbbbbbbbbb, right"}));

  auto upgraded = run("upgrade --url sqlite:///app.db");
  ASSERT_EQ(upgraded.code, 0) << upgraded.text();
  EXPECT_EQ(upgraded.lines(),
            (Lines{"Running upgrade aaaaaaaaaaaa, bbbbbbbbbbbb -> " + merge.id + ", merge"}));
  EXPECT_EQ(version("app.db"), Lines{merge.id});
  EXPECT_EQ(run("current --url sqlite:///app.db").lines(), (Lines{merge.id + " (head), merge"}));
}

TEST_F(Branches, Merge_OfOneRevisionIsBadUsage) {
  const FolderState before = state();
  auto refused = run("merge -m lonely aaaaaaaaaaaa");
  EXPECT_EQ(refused.code, 2);
  EXPECT_TRUE(contains(refused.err, "merge joins two or more revisions")) << refused.err;
  EXPECT_EQ(state(), before);
}

TEST_F(Branches, Stamp_SetsTheVersionWithoutRunningSql) {
  auto stamped = run("stamp aaaa --url sqlite:///app.db");
  ASSERT_EQ(stamped.code, 0) << stamped.text();
  EXPECT_EQ(stamped.lines(), (Lines{"Stamped the database at aaaaaaaaaaaa"}));
  EXPECT_TRUE(tables("app.db").empty());  // table l was not created
  EXPECT_EQ(version("app.db"), Lines{"aaaaaaaaaaaa"});
  EXPECT_EQ(column("app.db", "SELECT direction FROM dbmigrate_history"), Lines{"stamp"});
  EXPECT_EQ(run("current --url sqlite:///app.db").lines(), (Lines{"aaaaaaaaaaaa (head), left"}));

  // Upgrading from the stamp runs only what lies above it.
  auto upgraded = run("upgrade heads --url sqlite:///app.db");
  ASSERT_EQ(upgraded.code, 0) << upgraded.text();
  EXPECT_EQ(upgraded.lines(), (Lines{"Running upgrade " + base_ + " -> bbbbbbbbbbbb, right"}));
  EXPECT_EQ(tables("app.db"), Lines{"r"});

  auto to_base = run("stamp base --url sqlite:///app.db");
  ASSERT_EQ(to_base.code, 0) << to_base.text();
  EXPECT_EQ(to_base.lines(), (Lines{"Stamped the database at base"}));
  EXPECT_TRUE(version("app.db").empty());
  EXPECT_EQ(tables("app.db"), Lines{"r"});  // nothing was reverted
  EXPECT_EQ(run("current --url sqlite:///app.db").lines(), (Lines{"(base: no revision applied)"}));
}

TEST_F(Branches, Stamp_UnknownRevisionCreatesNoDatabase) {
  const FolderState before = state();
  auto refused = run("stamp cccc --url sqlite:///app.db");
  EXPECT_EQ(refused.code, 2);
  EXPECT_TRUE(contains(refused.err, "unknown revision 'cccc'")) << refused.err;
  EXPECT_EQ(state(), before);
}

}  // namespace
}  // namespace dbmigrate::cli_test
