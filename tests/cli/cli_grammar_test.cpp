// Alembic's grammar through the binary on a real SQLite database: `show head|base|head-1`,
// `history -r START:END` and `-v`, `current -v`, `heads -v`, `branches -v`, and targets counted
// from a named revision for upgrade, downgrade and stamp.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

// 111111111111 <- 222222222222 <- 333333333333 <- 444444444444, one table each.
class Grammar : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    ASSERT_EQ(run("init").code, 0);
    std::string parent;
    for (const auto* name : {"one", "two", "three", "four"}) {
      const std::string id(12, static_cast<char>('1' + ids_.size()));
      write_revision(id, parent, name, std::string("CREATE TABLE ") + name + " (id INTEGER);",
                     std::string("DROP TABLE ") + name + ";");
      ids_.push_back(id);
      parent = id;
    }
  }
  std::string line(std::size_t i) {  // the history line of ids_[i]
    const std::string from = i == 0 ? "<base>" : ids_[i - 1];
    const char* names[] = {"one", "two", "three", "four"};
    return from + " -> " + ids_[i] + (i == 3 ? " (head)" : "") + ", " + names[i];
  }
  std::vector<std::string> ids_;
};

TEST_F(Grammar, Show_HeadBaseAndStepsFromThem) {
  auto head = run("show head");
  ASSERT_EQ(head.code, 0) << head.text();
  EXPECT_TRUE(contains(head.out, "-- Revision ID: 444444444444\n")) << head.out;
  EXPECT_TRUE(contains(head.out, "-- file: migrations/versions/444444444444_four.sql")) << head.out;
  auto base = run("show base");
  ASSERT_EQ(base.code, 0) << base.text();
  EXPECT_TRUE(contains(base.out, "-- Revision ID: 111111111111\n")) << base.out;
  EXPECT_TRUE(contains(run("show head-1").out, "-- Revision ID: 333333333333\n"));
  EXPECT_TRUE(contains(run("show base+2").out, "-- Revision ID: 222222222222\n"));
  EXPECT_TRUE(contains(run("show 2222+2").out, "-- Revision ID: 444444444444\n"));
  auto past = run("show head+1");
  EXPECT_EQ(past.code, 2);
  EXPECT_TRUE(contains(past.err, "cannot show 'head+1': it goes 1 step(s) past the head "
                                 "'444444444444'"))
      << past.err;
}

TEST_F(Grammar, History_Ranges) {
  EXPECT_EQ(run("history").lines(), (Lines{line(3), line(2), line(1), line(0)}));
  EXPECT_EQ(run("history -r base:head").lines(), (Lines{line(3), line(2), line(1), line(0)}));
  EXPECT_EQ(run("history -r -1:").lines(), (Lines{line(3), line(2)}));
  EXPECT_EQ(run("history -r 2222:3333").lines(), (Lines{line(2), line(1)}));
  EXPECT_EQ(run("history -r 3333:").lines(), (Lines{line(3), line(2)}));
  EXPECT_EQ(run("history --rev-range :+1").lines(), Lines{line(0)});
  auto bad = run("history -r head");
  EXPECT_EQ(bad.code, 2);
  EXPECT_TRUE(contains(bad.err, "bad range 'head': a range is START:END")) << bad.err;
}

TEST_F(Grammar, History_CurrentReadsTheDatabase) {
  ASSERT_EQ(run("upgrade 2222 --url sqlite:///app.db").code, 0);
  // With a database, history also marks the revision it is at.
  const auto current = line(1).replace(line(1).find(", two"), 5, " (current), two");
  EXPECT_EQ(run("history -r current: --url sqlite:///app.db").lines(),
            (Lines{line(3), line(2), current}));
  EXPECT_EQ(run("history -r -1:current --url sqlite:///app.db").lines(),
            (Lines{current, line(0)}));
  auto no_database = run("history -r current:");
  EXPECT_EQ(no_database.code, 2);
  EXPECT_TRUE(contains(no_database.err, "no database")) << no_database.err;
}

TEST_F(Grammar, Verbose_HistoryHeadsCurrent) {
  const std::string four = "Rev: 444444444444 (head)\nParent: 333333333333\n"
                           "Path: migrations/versions/444444444444_four.sql\n"
                           "Create Date: 2026-01-01 00:00:00+00:00\n\n    four\n\n";
  const std::string three = "Rev: 333333333333\nParent: 222222222222\n"
                            "Path: migrations/versions/333333333333_three.sql\n"
                            "Create Date: 2026-01-01 00:00:00+00:00\n\n    three\n\n";
  EXPECT_EQ(run("history -v -r -1:").out, four + three);
  EXPECT_EQ(run("heads -v").out, four);
  ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  EXPECT_EQ(run("current -v --url sqlite:///app.db").out,
            "Current revision(s) of app.db:\n" + four);
  EXPECT_EQ(run("current --url sqlite:///app.db").lines(), Lines{"444444444444 (head), four"});
}

TEST_F(Grammar, Branches_VerboseNamesTheChildren) {
  write_revision("555555555555", ids_[1], "five", "CREATE TABLE five (id INTEGER);",
                 "DROP TABLE five;");
  auto branches = run("branches -v");
  ASSERT_EQ(branches.code, 0) << branches.text();
  EXPECT_TRUE(contains(branches.out, "Rev: 222222222222 (branchpoint)\nParent: 111111111111\n"
                                     "Branches into: 333333333333, 555555555555\n"))
      << branches.out;
}

TEST_F(Grammar, UpgradeDowngradeStamp_CountFromANamedRevision) {
  auto up = run("upgrade head-1 --url sqlite:///app.db");
  ASSERT_EQ(up.code, 0) << up.text();
  EXPECT_EQ(tables("app.db"), (Lines{"one", "three", "two"}));
  EXPECT_EQ(version("app.db"), Lines{"333333333333"});
  auto down = run("downgrade base+1 --url sqlite:///app.db");
  ASSERT_EQ(down.code, 0) << down.text();
  EXPECT_EQ(tables("app.db"), Lines{"one"});
  EXPECT_EQ(version("app.db"), Lines{"111111111111"});
  ASSERT_EQ(run("upgrade 1111+2 --url sqlite:///app.db").code, 0);
  EXPECT_EQ(version("app.db"), Lines{"333333333333"});

  auto stamped = run("stamp head-2 --url sqlite:///app.db");
  ASSERT_EQ(stamped.code, 0) << stamped.text();
  EXPECT_EQ(stamped.lines(), Lines{"Stamped the database at 222222222222"});
  EXPECT_EQ(version("app.db"), Lines{"222222222222"});
  EXPECT_EQ(tables("app.db"), (Lines{"one", "three", "two"}));  // no SQL ran

  const FolderState before = state();
  auto refused = run("stamp head-9 --url sqlite:///other.db");
  EXPECT_EQ(refused.code, 2);
  EXPECT_TRUE(contains(refused.err, "cannot stamp 'head-9'")) << refused.err;
  EXPECT_EQ(state(), before);  // no new database file
}

TEST_F(Grammar, Help_DescribesEachForm) {
  EXPECT_TRUE(contains(run("history --help").out, "-r,--rev-range"));
  EXPECT_TRUE(contains(run("history --help").out, "-3:"));
  EXPECT_TRUE(contains(run("show --help").out, "head-1"));
  EXPECT_TRUE(contains(run("heads --help").out, "-v,--verbose"));
  EXPECT_TRUE(contains(run("current --help").out, "-v,--verbose"));
  EXPECT_TRUE(contains(run("stamp --help").out, "head-1"));
  EXPECT_TRUE(contains(run("branches --help").out, "branch point"));
}

}  // namespace
}  // namespace dbmigrate::cli_test
