// An unknown command or option names itself and the nearest known one, with exit 2, as ninja
// does for an unknown target; `diff --exit-code` tells equal from different by its exit code.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Suggestions = Cli;

TEST_F(Suggestions, UnknownCommand_NamesItAndTheNearestCommand) {
  const auto result = run("upgarde");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "unknown command 'upgarde': did you mean 'upgrade'?"))
      << result.err;
  EXPECT_FALSE(contains(result.err, "A subcommand is required")) << result.err;
}

TEST_F(Suggestions, UnknownCommandAfterAnOption_IsNamedToo) {
  const auto result = run("--dir migrations histroy");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "unknown command 'histroy': did you mean 'history'?"))
      << result.err;
}

TEST_F(Suggestions, CommandFarFromEveryCommand_ListsTheCommands) {
  const auto result = run("frobnicate");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "unknown command 'frobnicate'")) << result.err;
  EXPECT_FALSE(contains(result.err, "did you mean")) << result.err;
  EXPECT_TRUE(contains(result.err, "the commands are init, migrate, revision, upgrade"))
      << result.err;

  const auto short_word = run("frob");  // three letters from "show", as from any 4-letter word
  EXPECT_EQ(short_word.code, 2) << short_word.text();
  EXPECT_FALSE(contains(short_word.err, "did you mean")) << short_word.err;
}

TEST_F(Suggestions, UnknownOptionOfACommand_NamesItAndTheNearestOption) {
  ASSERT_EQ(run("init").code, 0);
  const auto result = run("upgrade --sqll");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "unknown option '--sqll' for 'upgrade': did you mean '--sql'?"))
      << result.err;
  EXPECT_TRUE(contains(result.err, "dbmigrate upgrade --help")) << result.err;
}

TEST_F(Suggestions, MisspeltCommonOption_SuggestsTheCommonOption) {
  const auto before = run("--dri migrations history");
  EXPECT_EQ(before.code, 2) << before.text();
  EXPECT_TRUE(contains(before.err, "unknown option '--dri'")) << before.err;
  EXPECT_TRUE(contains(before.err, "did you mean '--dir'?")) << before.err;

  const auto after = run("history --urll=sqlite:///app.db");
  EXPECT_EQ(after.code, 2) << after.text();
  EXPECT_TRUE(contains(after.err, "unknown option '--urll' for 'history': did you mean '--url'?"))
      << after.err;
}

TEST_F(Suggestions, OptionOfAnotherCommand_IsNotSuggestedFromIt) {
  // --sql belongs to upgrade, downgrade and diff: `current` has nothing near --sqll.
  const auto result = run("current --sqll");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "unknown option '--sqll' for 'current'")) << result.err;
  EXPECT_FALSE(contains(result.err, "'--sql'")) << result.err;
}

TEST_F(Suggestions, MisspeltCommand_WritesNothing) {
  run("iint");
  EXPECT_TRUE(state().empty());
}

class DiffExitCode : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    write("one.sql", "CREATE TABLE one (id INTEGER PRIMARY KEY);\n");
    write("same.sql", "CREATE TABLE one (id INTEGER PRIMARY KEY);\n");
    write("two.sql", "CREATE TABLE one (id INTEGER PRIMARY KEY, name TEXT);\n");
  }
};

TEST_F(DiffExitCode, Different_ExitsOne) {
  const auto result = run("diff one.sql two.sql --exit-code");
  EXPECT_EQ(result.code, 1) << result.text();
  EXPECT_TRUE(contains(result.out, "name")) << result.out;
}

TEST_F(DiffExitCode, DifferentAsSql_ExitsOne) {
  const auto result = run("diff --sql --exit-code one.sql two.sql");
  EXPECT_EQ(result.code, 1) << result.text();
  EXPECT_TRUE(contains(result.out, "ALTER TABLE")) << result.out;
}

TEST_F(DiffExitCode, Equal_ExitsZero) {
  const auto result = run("diff one.sql same.sql --exit-code");
  EXPECT_EQ(result.code, 0) << result.text();
  EXPECT_TRUE(contains(result.out, "No changes in schema detected.")) << result.out;
}

TEST_F(DiffExitCode, WithoutTheFlag_DifferentStillExitsZero) {
  EXPECT_EQ(run("diff one.sql two.sql").code, 0);
}

TEST_F(DiffExitCode, UnreadableSource_ExitsTwo) {
  const auto missing = run("diff one.sql missing.sql --exit-code");
  EXPECT_EQ(missing.code, 2) << missing.text();
  EXPECT_TRUE(contains(missing.err, "missing.sql")) << missing.err;

  write("broken.db", "not a database, only text long enough to look like a header......");
  const auto broken = run("diff one.sql sqlite:///broken.db --exit-code");
  EXPECT_EQ(broken.code, 2) << broken.text();
}

}  // namespace
}  // namespace dbmigrate::cli_test
