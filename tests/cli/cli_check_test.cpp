// `check`, the CI gate: exit 0 on a clean project, exit 1 naming each problem otherwise.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;


// Two revisions generated from the model: users, then users.age.
class Check : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    ASSERT_EQ(run("init").code, 0);
    migrate_model("users", users);
    migrate_model("age", users_with_age);
    first_ = revision("users");
    second_ = revision("age");
  }
  Revision first_;
  Revision second_;
};

TEST_F(Check, CleanProject_ExitsZero) {
  const FolderState before = state();
  for (const char* command : {"check", "check --model model.sql"}) {
    auto clean = run(command);
    EXPECT_EQ(clean.code, 0) << command << "\n" << clean.text();
    EXPECT_EQ(clean.lines(), (Lines{"No problems found: the model matches the migrations."}))
        << command;
  }
  EXPECT_EQ(state(), before);
}

TEST_F(Check, PendingModelChange_NamesIt) {
  write("model.sql",
        "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name TEXT, age INTEGER, email "
        "TEXT);\n");
  const FolderState before = state();
  auto pending = run("check --model model.sql");
  EXPECT_EQ(pending.code, 1) << pending.text();
  EXPECT_EQ(
      pending.lines(),
      (Lines{"pending migration: added column 'users.email' (run 'dbmigrate migrate -m MSG', target db_migrate)"}));
  EXPECT_EQ(state(), before);
}

TEST_F(Check, MultipleHeads) {
  write_revision("bbbbbbbbbbbb", first_.id, "side", "", "");
  auto heads = run("check");
  EXPECT_EQ(heads.code, 1) << heads.text();
  const Lines lines = heads.lines();
  ASSERT_FALSE(lines.empty());
  const std::string both =
      second_.id < "bbbbbbbbbbbb" ? second_.id + ", bbbbbbbbbbbb" : "bbbbbbbbbbbb, " + second_.id;
  EXPECT_TRUE(
      lines[0].starts_with("multiple heads " + both + ": join them with 'dbmigrate merge -m MSG"))
      << heads.out;
}

TEST_F(Check, BrokenGraph) {
  write_revision("bbbbbbbbbbbb", "ffffffffffff", "orphan", "", "");
  auto broken = run("check");
  EXPECT_EQ(broken.code, 1) << broken.text();
  EXPECT_TRUE(contains(broken.out, "revision graph: ") &&
              contains(broken.out, "'ffffffffffff', which does not exist"))
      << broken.out;
}

TEST_F(Check, DatabaseNotAtHead_ListsTheUnappliedRevisions) {
  ASSERT_EQ(run("upgrade " + first_.id + " --url sqlite:///app.db").code, 0);
  const FolderState before = state();
  auto behind = run("check --model model.sql --url sqlite:///app.db");
  EXPECT_EQ(behind.code, 1) << behind.text();
  EXPECT_EQ(behind.lines(),
            (Lines{"database is not up to date: 1 revision(s) not applied: " + second_.id}));
  EXPECT_EQ(state(), before);

  auto missing = run("check --url sqlite:///other.db");
  EXPECT_EQ(missing.code, 1) << missing.text();
  EXPECT_EQ(missing.lines(),
            (Lines{"database 'other.db' does not exist: run 'dbmigrate upgrade' (target db_upgrade)"}));
  EXPECT_FALSE(exists("other.db"));

  ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  EXPECT_EQ(run("check --model model.sql --url sqlite:///app.db").code, 0);
}

TEST_F(Check, DatabaseFromTheEnvironment) {
  ASSERT_EQ(run("upgrade " + first_.id + " --url sqlite:///app.db").code, 0);
  auto behind = shell("DATABASE_URL=sqlite:///app.db '" DBMIGRATE_CLI "' check");
  EXPECT_EQ(behind.code, 1) << behind.text();
  EXPECT_TRUE(contains(behind.out, "1 revision(s) not applied: " + second_.id)) << behind.out;
}

TEST_F(Check, AppliedRevisionEditedAfterwards) {
  ASSERT_EQ(run("upgrade " + first_.id + " --url sqlite:///app.db").code, 0);
  // A reviewer's comment added to the applied file changes its checksum, not its schema.
  write("migrations/versions/" + first_.path.filename().string(),
        read_file(first_.path) + "-- reviewed\n");
  const FolderState before = state();
  auto changed = run("check --url sqlite:///app.db");
  EXPECT_EQ(changed.code, 1) << changed.text();
  EXPECT_TRUE(contains(changed.out, "revision " + first_.id + " (" +
                                        first_.path.filename().string() +
                                        ") changed since it was applied\n"))
      << changed.out;

  auto refused = run("upgrade --url sqlite:///app.db");
  EXPECT_NE(refused.code, 0) << refused.text();
  EXPECT_TRUE(contains(refused.err, first_.id) && contains(refused.err, "--allow-changed"))
      << refused.err;
  EXPECT_EQ(state(), before);
  EXPECT_EQ(version("app.db"), Lines{first_.id});

  auto allowed = run("upgrade --allow-changed --url sqlite:///app.db");
  EXPECT_EQ(allowed.code, 0) << allowed.text();
  EXPECT_EQ(version("app.db"), Lines{second_.id});
}

TEST_F(Check, NeedsNoDatabase) {
  const FolderState before = state();
  EXPECT_EQ(run("check --model model.sql").code, 0);
  EXPECT_EQ(state(), before);  // the replay used a scratch database elsewhere
}

TEST_F(Check, DowngradeOfAnEditedRevisionIsRefusedUnlessAllowed) {
  ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  write("migrations/versions/" + second_.path.filename().string(), read_file(second_.path) + "-- edited\n");
  const FolderState before = state();
  auto refused = run("downgrade --url sqlite:///app.db");
  EXPECT_NE(refused.code, 0) << refused.text();
  EXPECT_TRUE(contains(refused.err, "--allow-changed")) << refused.err;
  EXPECT_EQ(state(), before);
  EXPECT_EQ(version("app.db"), Lines{second_.id});
  auto allowed = run("downgrade --allow-changed --url sqlite:///app.db");
  EXPECT_EQ(allowed.code, 0) << allowed.text();
  EXPECT_EQ(version("app.db"), Lines{first_.id});
}

TEST_F(Check, DatabaseOfTheProjectSettingIsNotChecked) {
  // dbmigrate.json may name a database; a fresh checkout gates without one.
  write("migrations/dbmigrate.json", "{\"format\": 1, \"dialect\": \"sqlite\", \"database_url\": \"sqlite:///absent.db\"}\n");
  auto checked = run("check --model model.sql");
  EXPECT_EQ(checked.code, 0) << checked.text();
}

TEST_F(Check, AFileThatIsNotADatabaseIsBadInputNamingIt) {
  write("junk.db", "this is not a database, it is a text file of some length......................\n");
  auto current = run("current --url sqlite:///junk.db");
  EXPECT_EQ(current.code, 2) << current.text();
  EXPECT_TRUE(contains(current.err, "junk.db")) << current.err;
}

}  // namespace
}  // namespace dbmigrate::cli_test
