// Snapshot sources on the command line: `diff` between git revisions and files, and
// `snapshot` giving the same canonical JSON from a .sql file, a .json snapshot and a database.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

constexpr const char* schema_v1 =
    "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name TEXT);\n";
constexpr const char* schema_v2 =
    "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name TEXT, age INTEGER);\n"
    "CREATE INDEX ix_users_name ON users (name);\n";

// A scratch git repository holding schema.sql in two commits.
class GitSources : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    const std::string git =
        "git -c user.name=test -c user.email=test@example.com -c commit.gpgsign=false ";
    write("schema.sql", schema_v1);
    ASSERT_EQ(shell("git init -q . && git add schema.sql && " + git + "commit -qm one").code, 0);
    write("schema.sql", schema_v2);
    ASSERT_EQ(shell(git + "commit -qam two").code, 0);
  }
};

TEST_F(GitSources, Diff_PreviousCommitAgainstTheWorkingFile) {
  auto changed = run("diff git:HEAD~1:schema.sql schema.sql");
  ASSERT_EQ(changed.code, 0) << changed.text();
  EXPECT_EQ(changed.lines(),
            (Lines{"added column 'users.age'", "added index 'ix_users_name' on 'users' (name)"}));

  auto as_sql = run("diff --sql git:HEAD~1:schema.sql git:HEAD:schema.sql");
  ASSERT_EQ(as_sql.code, 0) << as_sql.text();
  EXPECT_EQ(as_sql.lines(), (Lines{"ALTER TABLE users ADD COLUMN age INTEGER;", "",
                                   "CREATE INDEX ix_users_name ON users (name);"}));

  auto same = run("diff git:HEAD:schema.sql schema.sql");
  EXPECT_EQ(same.code, 0);
  EXPECT_EQ(same.lines(), (Lines{"No changes in schema detected."}));
}

TEST_F(GitSources, Diff_FromASubfolderOfTheRepository) {
  fs::create_directories(dir_ / "sub");
  // run() starts in the project folder; this one starts in sub/.
  auto from_sub = shell("cd sub && env -u DATABASE_URL '" DBMIGRATE_CLI
                        "' diff git:HEAD~1:../schema.sql ../schema.sql");
  ASSERT_EQ(from_sub.code, 0) << from_sub.text();
  EXPECT_EQ(from_sub.lines().at(0), "added column 'users.age'");
}

TEST_F(GitSources, Diff_UnknownGitRevisionIsBadInput) {
  const FolderState before = state();
  auto unknown = run("diff git:nope:schema.sql schema.sql");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_TRUE(contains(unknown.err, "git:nope:schema.sql")) << unknown.err;
  auto malformed = run("diff git: schema.sql");
  EXPECT_EQ(malformed.code, 2);
  EXPECT_TRUE(contains(malformed.err, "git:<revision>[:<path>]")) << malformed.err;
  EXPECT_EQ(state(), before);
}

TEST_F(Cli, Snapshot_SqlJsonAndDatabaseGiveIdenticalJson) {
  write("schema.sql",
        "CREATE TABLE users (\n  id INTEGER NOT NULL PRIMARY KEY,\n  email TEXT NOT NULL UNIQUE,\n"
        "  score REAL DEFAULT 0\n);\n"
        "CREATE TABLE posts (\n  id INTEGER NOT NULL PRIMARY KEY,\n"
        "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,\n  title TEXT NOT "
        "NULL\n);\n"
        "CREATE INDEX ix_posts_user ON posts (user_id);\n");
  ASSERT_EQ(shell("sqlite3 app.db < schema.sql").code, 0);
  auto from_sql = run("snapshot schema.sql");
  ASSERT_EQ(from_sql.code, 0) << from_sql.text();
  write("schema.json", from_sql.out);
  auto from_json = run("snapshot schema.json");
  auto from_db = run("snapshot sqlite:///app.db");
  ASSERT_EQ(from_json.code, 0) << from_json.text();
  ASSERT_EQ(from_db.code, 0) << from_db.text();
  EXPECT_EQ(from_json.out, from_sql.out);
  EXPECT_EQ(from_db.out, from_sql.out);
  EXPECT_TRUE(from_sql.out.starts_with("{\n  \"format\": 2,\n")) << from_sql.out;
  // Deterministic: a second run gives the same bytes.
  EXPECT_EQ(run("snapshot sqlite:///app.db").out, from_db.out);
}

TEST_F(Cli, Snapshot_MissingSourcesAreBadInput) {
  for (const char* command : {"snapshot absent.sql", "snapshot absent.json",
                              "snapshot sqlite:///absent.db", "snapshot absent"}) {
    auto missing = run(command);
    EXPECT_EQ(missing.code, 2) << command;
    EXPECT_TRUE(contains(missing.err, "absent")) << command << ": " << missing.err;
  }
  EXPECT_FALSE(exists("absent.db"));
}

}  // namespace
}  // namespace dbmigrate::cli_test
