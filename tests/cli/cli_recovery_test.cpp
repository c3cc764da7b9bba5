// The recovery paths: init's versions/ surviving git, `remove` (undo an unapplied migrate),
// `rebuild-schema`, schema.json left in conflict by git, advice that fits a failed statement,
// `history` marking the database's revision, and a stale snapshot tool.
#include <chrono>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;


// Two revisions generated from model.sql: users, then users.age.
class Recovery : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    ASSERT_EQ(run("init").code, 0);
    migrate_model("users", users);
    after_users_ = read("migrations/schema.json");
    migrate_model("age", users_with_age);
    at_age_ = read("migrations/schema.json");
    first_ = revision("users");
    second_ = revision("age");
  }
  void expect_check_clean() {
    const auto checked = run("check --model model.sql");
    EXPECT_EQ(checked.code, 0) << checked.text();
  }
  std::string after_users_, at_age_;
  Revision first_, second_;
};

TEST_F(Cli, Init_WritesAFileInVersionsSoGitKeepsTheFolder) {
  ASSERT_EQ(run("init").code, 0);
  EXPECT_TRUE(fs::is_regular_file(dir_ / "migrations/versions/.gitkeep"));
  const auto history = run("history");
  EXPECT_EQ(history.code, 0) << history.text();
  EXPECT_EQ(history.out, "");
  write("model.sql", users);
  const auto migrated = run("migrate -m users --model model.sql");
  EXPECT_EQ(migrated.code, 0) << migrated.text();
  EXPECT_EQ(versions().size(), 1U);
  EXPECT_EQ(run("check --model model.sql").code, 0);
}

// A project started against a server is written for it: the dialect comes from the database
// named, and a password never reaches the committed dbmigrate.json.
TEST_F(Cli, Init_TakesTheDialectFromTheDatabaseNamed) {
  const auto by_option = run("init --url postgresql://app@db.example.com/catalogue");
  ASSERT_EQ(by_option.code, 0) << by_option.text();
  EXPECT_TRUE(contains(by_option.out, "Revisions will be written for postgresql")) << by_option.out;
  const auto settings = nlohmann::json::parse(read("migrations/dbmigrate.json"));
  EXPECT_EQ(settings.at("dialect"), "postgresql");
  EXPECT_EQ(settings.at("database_url"), "postgresql://app@db.example.com/catalogue");

  fs::remove_all(dir_ / "migrations");
  const auto by_environment = shell("DATABASE_URL=postgres://app@localhost/c '" DBMIGRATE_CLI "' init");
  ASSERT_EQ(by_environment.code, 0) << by_environment.text();
  const auto from_environment = nlohmann::json::parse(read("migrations/dbmigrate.json"));
  EXPECT_EQ(from_environment.at("dialect"), "postgresql");
  EXPECT_FALSE(from_environment.contains("database_url")) << "only --url is the project's database";

  fs::remove_all(dir_ / "migrations");
  const auto with_password = run("init --url postgresql://app:Secret-9x@db.example.com/catalogue");
  EXPECT_EQ(with_password.code, 2) << with_password.text();
  EXPECT_TRUE(contains(with_password.err, "holds a password")) << with_password.err;
  EXPECT_FALSE(contains(with_password.text(), "Secret-9x")) << with_password.text();
  EXPECT_FALSE(exists("migrations"));

  const auto plain = run("init");
  ASSERT_EQ(plain.code, 0) << plain.text();
  EXPECT_EQ(nlohmann::json::parse(read("migrations/dbmigrate.json")).at("dialect"), "sqlite");
}

TEST_F(Recovery, Remove_DeletesTheNewestRevisionAndRestoresSchemaJsonToItsParent) {
  const auto removed = run("remove");
  ASSERT_EQ(removed.code, 0) << removed.text();
  EXPECT_TRUE(contains(removed.out, "Removed revision " + second_.id + " (age), migrations/versions/" +
                                        second_.path.filename().string()))
      << removed.out;
  EXPECT_TRUE(contains(removed.out, "to revision " + first_.id)) << removed.out;
  ASSERT_EQ(versions().size(), 1U);
  EXPECT_EQ(revision("users").id, first_.id);
  // The next migrate builds on the parent and finds the change again.
  const auto again = run("migrate -m age_again --model model.sql");
  EXPECT_EQ(again.code, 0) << again.text();
  EXPECT_TRUE(contains(again.out, "Detected added column 'users.age'")) << again.out;
  EXPECT_EQ(revision("age_again").parents, std::vector<std::string>{first_.id});
  expect_check_clean();
}

TEST_F(Recovery, RemoveTheOnlyRevision_LeavesAnEmptySchema) {
  ASSERT_EQ(run("remove").code, 0);
  const auto removed = run("remove");
  ASSERT_EQ(removed.code, 0) << removed.text();
  EXPECT_TRUE(contains(removed.out, "to base (no revision)")) << removed.out;
  EXPECT_TRUE(versions().empty());
  const auto migrated = run("migrate -m all --model model.sql");
  EXPECT_TRUE(contains(migrated.out, "Detected added table 'users'")) << migrated.out;
  ASSERT_EQ(run("remove").code, 0);
  const auto none = run("remove");
  EXPECT_EQ(none.code, 2) << none.text();
  EXPECT_TRUE(contains(none.err, "there is no revision")) << none.err;
}

TEST_F(Recovery, RemoveAnAppliedRevision_IsRefusedAndChangesNothing) {
  ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  const FolderState before = state();
  const auto refused = run("remove --url sqlite:///app.db");
  EXPECT_EQ(refused.code, 1) << refused.text();
  EXPECT_TRUE(contains(refused.err, "revision " + second_.id + " (age) is applied in database"))
      << refused.err;
  EXPECT_TRUE(contains(refused.err, "'dbmigrate downgrade -1' (target db_downgrade)")) << refused.err;
  EXPECT_EQ(state(), before);
  // The project's own database counts too.
  write("migrations/dbmigrate.json",
        R"({"format": 1, "dialect": "sqlite", "database_url": "sqlite:///app.db"})");
  EXPECT_EQ(run("remove").code, 1);
  EXPECT_EQ(versions().size(), 2U);
  // Downgraded there, it can go.
  ASSERT_EQ(run("downgrade").code, 0);
  const auto removed = run("remove");
  EXPECT_EQ(removed.code, 0) << removed.text();
  EXPECT_EQ(versions().size(), 1U);
}

TEST_F(Recovery, RemoveAMergeRevision_IsRefused) {
  write_revision("bbbbbbbbbbbb", first_.id, "side", "CREATE TABLE side (id INTEGER);", "DROP TABLE side;");
  ASSERT_EQ(run("merge -m join heads").code, 0);
  const FolderState before = state();
  const auto refused = run("remove");
  EXPECT_EQ(refused.code, 2) << refused.text();
  EXPECT_TRUE(contains(refused.err, "is a merge of")) << refused.err;
  EXPECT_EQ(state(), before);
}

TEST_F(Recovery, RebuildSchema_WritesTheSchemaTheRevisionsMake) {
  fs::remove(dir_ / "migrations/schema.json");
  const auto rebuilt = run("rebuild-schema");
  ASSERT_EQ(rebuilt.code, 0) << rebuilt.text();
  EXPECT_TRUE(contains(rebuilt.out, "from 2 revision(s), at revision " + second_.id + " (it was missing)"))
      << rebuilt.out;
  expect_check_clean();
  const auto nothing = run("migrate -m nothing --model model.sql");
  EXPECT_TRUE(contains(nothing.out, "No changes in schema detected.")) << nothing.out;

  // A stale one: what it lacked is named.
  write("migrations/schema.json", after_users_);
  const auto stale = run("check --model model.sql");
  EXPECT_EQ(stale.code, 1);
  EXPECT_TRUE(contains(stale.out, "rebuild it from the revisions with 'dbmigrate rebuild-schema' (target "
                                  "db_rebuild_schema)"))
      << stale.out;
  const auto again = run("rebuild-schema");
  ASSERT_EQ(again.code, 0) << again.text();
  EXPECT_TRUE(contains(again.out, "added column 'users.age'")) << again.out;
  expect_check_clean();
}

TEST_F(Recovery, RebuildSchemaWithSeveralHeads_IsRefused) {
  write_revision("bbbbbbbbbbbb", first_.id, "side", "CREATE TABLE side (id INTEGER);", "DROP TABLE side;");
  const FolderState before = state();
  const auto refused = run("rebuild-schema");
  EXPECT_EQ(refused.code, 2) << refused.text();
  EXPECT_TRUE(contains(refused.err, "several heads")) << refused.err;
  EXPECT_TRUE(contains(refused.err, "(target db_merge)")) << refused.err;
  EXPECT_EQ(state(), before);
}

// Two branches each added a migration; git left both head lines in schema.json.
TEST_F(Recovery, SchemaJsonInConflict_CheckSaysSoInOneLineAndTheDocumentedStepsResolveIt) {
  write_revision("bbbbbbbbbbbb", first_.id, "side", "CREATE TABLE side (id INTEGER);", "DROP TABLE side;");
  write("migrations/schema.json", "<<<<<<< HEAD\n" + at_age_ + "=======\n" + after_users_ + ">>>>>>> side\n");
  const auto checked = run("check");
  EXPECT_EQ(checked.code, 1) << checked.text();
  ASSERT_EQ(checked.lines().size(), 1U) << checked.out;
  EXPECT_TRUE(contains(checked.out, "has git conflict markers: two branches each added a migration")) << checked.out;
  EXPECT_TRUE(contains(checked.out, "'dbmigrate merge -m MSG heads' (target db_merge)")) << checked.out;

  // The steps it names: keep one side, merge the heads.
  write("migrations/schema.json", at_age_);
  const auto merged = run("merge -m join heads");
  ASSERT_EQ(merged.code, 0) << merged.text();
  write("model.sql", std::string(users_with_age) + "CREATE TABLE side (id INTEGER);\n");
  expect_check_clean();
}

TEST_F(Recovery, UpgradeOverSqlAppliedByHand_AdviceSaysTheDatabaseHasItAndHowToStamp) {
  ASSERT_EQ(run("upgrade " + first_.id + " --url sqlite:///app.db").code, 0);
  // The second revision's change made by hand, the version table not told.
  ASSERT_EQ(shell("sqlite3 app.db 'ALTER TABLE users ADD COLUMN age INTEGER'").code, 0);
  const auto failed = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(failed.code, 1) << failed.text();
  EXPECT_TRUE(contains(failed.err, "duplicate column name: age")) << failed.err;
  EXPECT_TRUE(contains(failed.err, "the database already has what this statement creates")) << failed.err;
  EXPECT_TRUE(contains(failed.err, "'dbmigrate stamp " + second_.id + "' (target db_stamp with DB_TARGET=" +
                                       second_.id + ")"))
      << failed.err;
  EXPECT_FALSE(contains(failed.err, "fix the statement")) << failed.err;
  EXPECT_EQ(version("app.db"), Lines{first_.id});
  // Following it puts the database right.
  ASSERT_EQ(run("stamp " + second_.id + " --url sqlite:///app.db").code, 0);
  const auto checked = run("check --url sqlite:///app.db --model model.sql");
  EXPECT_EQ(checked.code, 0) << checked.text();
}

TEST_F(Recovery, DowngradeOverChangeUndoneByHand_AdviceSaysTheDatabaseLacksIt) {
  ASSERT_EQ(run("upgrade " + first_.id + " --url sqlite:///app.db").code, 0);
  ASSERT_EQ(shell("sqlite3 app.db 'DROP TABLE users'").code, 0);
  const auto failed = run("downgrade --url sqlite:///app.db");
  EXPECT_EQ(failed.code, 1) << failed.text();
  EXPECT_TRUE(contains(failed.err, "no such table: users")) << failed.err;
  EXPECT_TRUE(contains(failed.err, "the database lacks what this statement drops")) << failed.err;
  EXPECT_TRUE(contains(failed.err, "'dbmigrate stamp base' (target db_stamp with DB_TARGET=base)")) << failed.err;
  EXPECT_EQ(version("app.db"), Lines{first_.id});
}

TEST_F(Recovery, AStatementThatIsWrong_StillSaysFixTheStatement) {
  write_revision("cccccccccccc", second_.id, "typo", "CREAT TABLE x (id INTEGER);", "DROP TABLE x;");
  const auto failed = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(failed.code, 1) << failed.text();
  EXPECT_TRUE(contains(failed.err, "fix the statement and run upgrade again")) << failed.err;
}

TEST_F(Recovery, HistoryGivenADatabase_MarksItsCurrentRevision) {
  ASSERT_EQ(run("upgrade " + first_.id + " --url sqlite:///app.db").code, 0);
  const auto marked = run("history --url sqlite:///app.db");
  ASSERT_EQ(marked.code, 0) << marked.text();
  EXPECT_EQ(marked.lines(), (Lines{first_.id + " -> " + second_.id + " (head), age",
                                   "<base> -> " + first_.id + " (current), users"}));
  const auto from_environment = shell("DATABASE_URL=sqlite:///app.db '" DBMIGRATE_CLI "' history");
  EXPECT_EQ(from_environment.lines(), marked.lines());
  // Without a database named, nothing is marked; -i uses the project's.
  write("migrations/dbmigrate.json",
        R"({"format": 1, "dialect": "sqlite", "database_url": "sqlite:///app.db"})");
  EXPECT_FALSE(contains(run("history").out, "(current)"));
  EXPECT_EQ(run("history -i").lines(), marked.lines());
  // A database at base, or not created yet: nothing marked, nothing created.
  const auto fresh = run("history --url sqlite:///fresh.db");
  EXPECT_EQ(fresh.code, 0) << fresh.text();
  EXPECT_FALSE(contains(fresh.out, "(current)"));
  EXPECT_FALSE(exists("fresh.db"));
}

TEST_F(Recovery, SnapshotToolOlderThanItsSources_IsRefusedWithHowToRebuild) {
  // A tool as add_db_migrations() builds it: an executable printing the snapshot, its sources
  // listed beside it.
  write("build/schema_snapshot", "#!/bin/sh\ncat '" + (dir_ / "migrations/schema.json").string() + "'\n");
  fs::permissions(dir_ / "build/schema_snapshot", fs::perms::owner_all);
  write("models.cpp", "// the model\n");
  write("build/schema_snapshot.sources", (dir_ / "models.cpp").string() + "\n");
  const auto now = fs::file_time_type::clock::now();
  fs::last_write_time(dir_ / "models.cpp", now - std::chrono::hours(2));
  fs::last_write_time(dir_ / "build/schema_snapshot", now - std::chrono::hours(1));
  const auto fresh = run("check --model build/schema_snapshot");
  EXPECT_EQ(fresh.code, 0) << fresh.text();

  fs::last_write_time(dir_ / "models.cpp", now);  // edited (or merged) after the build
  for (const char* command : {"check --model build/schema_snapshot", "migrate -m stale --model build/schema_snapshot",
                              "diff build/schema_snapshot migrations/schema.json"}) {
    const FolderState before = state();
    const auto refused = run(command);
    EXPECT_EQ(refused.code, 2) << command << "\n" << refused.text();
    EXPECT_TRUE(contains(refused.text(), "snapshot tool 'build/schema_snapshot' is older than its source '" +
                                             (dir_ / "models.cpp").string() + "'"))
        << refused.text();
    EXPECT_TRUE(contains(refused.text(), "--target schema_snapshot")) << refused.text();
    EXPECT_EQ(state(), before);
  }
}

}  // namespace
}  // namespace dbmigrate::cli_test
