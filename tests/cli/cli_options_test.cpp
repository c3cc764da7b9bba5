// The command line itself: --help for the tool and each command, --version, and the common
// options accepted before and after the command.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

TEST_F(Cli, Help_ForTheToolListsEveryCommand) {
  auto help = run("--help");
  EXPECT_EQ(help.code, 0) << help.text();
  for (const char* command :
       {"init", "migrate", "revision", "upgrade", "downgrade", "stamp", "current", "merge",
        "branches", "check", "heads", "history", "show", "snapshot", "diff"}) {
    EXPECT_TRUE(contains(help.out, std::string("  ") + command + " ")) << command << "\n"
                                                                       << help.out;
  }
  EXPECT_TRUE(contains(help.out, "--dir") && contains(help.out, "--url") &&
              contains(help.out, "--model"));
}

TEST_F(Cli, Help_ForEachCommand) {
  for (const std::string command :
       {"init", "migrate", "revision", "upgrade", "downgrade", "stamp", "current", "merge",
        "branches", "check", "heads", "history", "show", "snapshot", "diff"}) {
    for (const std::string flag : {"--help", "-h"}) {
      auto help = run(command + " " + flag);
      EXPECT_EQ(help.code, 0) << command << " " << flag << "\n" << help.text();
      EXPECT_TRUE(contains(help.out, "dbmigrate " + command)) << command << "\n" << help.out;
      EXPECT_TRUE(contains(help.out, "--dir")) << command << "\n" << help.out;
    }
  }
  EXPECT_FALSE(exists("migrations"));
}

TEST_F(Cli, Version_PrintsTheVersion) {
  auto version = run("--version");
  EXPECT_EQ(version.code, 0) << version.text();
  EXPECT_EQ(version.lines(), Lines{std::string("dbmigrate ") + DBMIGRATE_VERSION});
}

TEST_F(Cli, CommonOptions_BeforeAndAfterTheCommand) {
  ASSERT_EQ(run("--dir db/migrations init").code, 0);
  EXPECT_TRUE(exists("db/migrations/dbmigrate.json"));
  write("db/migrations/versions/111111111111_one.sql",
        revision_text("111111111111", "", "one", "CREATE TABLE one (id INTEGER);",
                      "DROP TABLE one;"));
  write("db/migrations/versions/222222222222_two.sql",
        revision_text("222222222222", "111111111111", "two", "CREATE TABLE two (id INTEGER);",
                      "DROP TABLE two;"));

  auto after = run("upgrade 1111 --dir db/migrations --url sqlite:///app.db");
  ASSERT_EQ(after.code, 0) << after.text();
  EXPECT_EQ(version("app.db"), Lines{"111111111111"});
  auto before = run("--dir db/migrations --url sqlite:///app.db upgrade");
  ASSERT_EQ(before.code, 0) << before.text();
  EXPECT_EQ(version("app.db"), Lines{"222222222222"});
  auto mixed = run("--dir db/migrations current --url sqlite:///app.db");
  EXPECT_EQ(mixed.lines(), (Lines{"222222222222 (head), two"}));
  auto equals = run("history --dir=db/migrations");
  EXPECT_EQ(equals.lines(),
            (Lines{"111111111111 -> 222222222222 (head), two", "<base> -> 111111111111, one"}));

  // Without --dir, ./migrations is missing: the error says what to do.
  auto missing = run("history");
  EXPECT_EQ(missing.code, 2);
  EXPECT_TRUE(contains(missing.err, "'migrations' is not a migrations folder") &&
              contains(missing.err, "--dir"))
      << missing.err;
}

TEST_F(Cli, CommonOptions_UrlFromTheEnvironmentAndTheProject) {
  ASSERT_EQ(run("init --url sqlite:///from_settings.db").code, 0);
  write_revision("111111111111", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
  ASSERT_EQ(run("upgrade").code, 0);
  EXPECT_EQ(version("from_settings.db"), Lines{"111111111111"});
  ASSERT_EQ(shell("DATABASE_URL=sqlite:///from_env.db '" DBMIGRATE_CLI "' upgrade").code, 0);
  EXPECT_EQ(version("from_env.db"), Lines{"111111111111"});
  // --url wins over DATABASE_URL.
  ASSERT_EQ(shell("DATABASE_URL=sqlite:///from_env.db '" DBMIGRATE_CLI
                  "' upgrade --url sqlite:///explicit.db")
                .code,
            0);
  EXPECT_TRUE(exists("explicit.db"));
}

TEST_F(Cli, NoDatabase_SaysWhereToNameOne) {
  ASSERT_EQ(run("init").code, 0);
  for (const char* command : {"upgrade", "downgrade", "stamp base", "current"}) {
    auto refused = run(command);
    EXPECT_EQ(refused.code, 2) << command;
    EXPECT_TRUE(contains(refused.err, "no database: pass --url")) << command << ": " << refused.err;
  }
}

}  // namespace
}  // namespace dbmigrate::cli_test
