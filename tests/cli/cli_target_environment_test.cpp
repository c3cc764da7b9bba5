// The CMake targets run `dbmigrate --from-target <target> ...`: a variable in the environment
// that is a misspelt build-time parameter then fails the run, naming the parameter meant, before
// anything runs; run by hand, or with variables of other programs, nothing changes.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

class TargetEnvironment : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    init_with_two_revisions();
    ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  }
  // `dbmigrate` with `assignments` added to its environment.
  Result run_with(const std::string& assignments, const std::string& args) {
    return shell("env -u DATABASE_URL " + assignments + " '" DBMIGRATE_CLI "' " + args);
  }
};

TEST_F(TargetEnvironment, MisspeltTarget_FailsTheTargetAndDowngradesNothing) {
  const auto result =
      run_with("DB_TARGTE=base", "--from-target db_downgrade downgrade --url sqlite:///app.db");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err,
                       "db_downgrade: DB_TARGTE is set in the environment, but the "
                       "targets do not read it: did you mean DB_TARGET?"))
      << result.err;
  EXPECT_EQ(version("app.db"), std::vector<std::string>{"222222222222"});
}

TEST_F(TargetEnvironment, MisspeltDatabaseUrl_NamesDatabaseUrl) {
  const auto result = run_with("DATABSE_URL=sqlite:///other.db",
                               "--from-target db_upgrade upgrade --url sqlite:///app.db");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err,
                       "DATABSE_URL is set in the environment, but the targets do not "
                       "read it: did you mean DATABASE_URL?"))
      << result.err;
}

TEST_F(TargetEnvironment, OtherPrefixOrCase_IsAMisspellingToo) {
  const auto short_prefix = run_with("DB_URL=sqlite:///other.db",
                                     "--from-target db_current current --url sqlite:///app.db");
  EXPECT_EQ(short_prefix.code, 2) << short_prefix.text();
  EXPECT_TRUE(contains(short_prefix.err,
                       "DB_URL is set in the environment, but the targets do "
                       "not read it: did you mean DATABASE_URL?"))
      << short_prefix.err;

  const auto lower = run_with("db_message=x", "--from-target db_history history");
  EXPECT_EQ(lower.code, 2) << lower.text();
  EXPECT_TRUE(contains(lower.err, "did you mean DB_MESSAGE?")) << lower.err;
}

TEST_F(TargetEnvironment, EveryMisspellingIsListed_WithTheParametersRead) {
  const auto result = run_with("DB_MESAGE=x DB_LOCK_TIMOUT=5", "--from-target db_history history");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "DB_MESAGE is set")) << result.err;
  EXPECT_TRUE(contains(result.err, "did you mean DB_LOCK_TIMEOUT?")) << result.err;
  EXPECT_TRUE(contains(result.err,
                       "the targets read DB_MESSAGE, DB_TARGET, DATABASE_URL, "
                       "DB_LOCK_TIMEOUT"))
      << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
}

TEST_F(TargetEnvironment, MisspeltRequiredParameter_IsToldBeforeTheMissingCommand) {
  // DbMigrateRun.cmake asks this way when DB_TARGET or DB_MESSAGE is missing.
  const auto result = run_with("DB_TARGTE=head", "--from-target db_stamp --version");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "did you mean DB_TARGET?")) << result.err;
}

TEST_F(TargetEnvironment, OtherProgramsVariables_AreReportedAndIgnored) {
  const auto result = run_with("DB_HOST=localhost DATABASE_USER=app DB_PASSWORD=x",
                               "--from-target db_downgrade downgrade --url sqlite:///app.db");
  EXPECT_EQ(result.code, 0) << result.text();
  EXPECT_TRUE(contains(result.err,
                       "db_downgrade: DB_HOST is set in the environment; the targets "
                       "do not read it"))
      << result.err;
  EXPECT_EQ(version("app.db"), std::vector<std::string>{"111111111111"});
}

TEST_F(TargetEnvironment, TheParametersThemselves_Pass) {
  const auto result = run_with("DB_TARGET=base DB_MESSAGE=x DB_LOCK_TIMEOUT=5",
                               "--from-target db_downgrade downgrade base --url sqlite:///app.db");
  EXPECT_EQ(result.code, 0) << result.text();
  EXPECT_FALSE(contains(result.err, "is set in the environment")) << result.err;
  EXPECT_TRUE(version("app.db").empty());
}

TEST_F(TargetEnvironment, RunByHand_AMisspeltVariableIsNotChecked) {
  const auto result = run_with("DB_TARGTE=base", "downgrade --url sqlite:///app.db");
  EXPECT_EQ(result.code, 0) << result.text();
  EXPECT_EQ(version("app.db"), std::vector<std::string>{"111111111111"});
}

}  // namespace
}  // namespace dbmigrate::cli_test
