// When the environment fails a run (a read-only folder, a full disk, a damaged file), the error
// says so with exit 2, rather than blaming the statement that met it; the revision is rolled
// back all the same. The database URL: its query is SQLite's URI parameters, its fragment is
// dropped, and its password is never printed.
//
// The folder and disk tests mount small tmpfs file systems (root only; skipped elsewhere):
// permission bits do not stop root, a read-only mount does.
#include <fstream>

#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

// app.db at revision 111111111111 (table one with 2000 rows); 222222222222 runs `two_sql`.
class Environment : public Cli {
 protected:
  void TearDown() override {
    for (auto it = mounts_.rbegin(); it != mounts_.rend(); ++it) {
      (void)std::system(("umount '" + it->string() + "' 2>/dev/null").c_str());
    }
    Cli::TearDown();
  }

  void prepare(const std::string& two_sql) {
    ASSERT_EQ(run("init").code, 0);
    write_revision("111111111111", "", "one",
                   "CREATE TABLE one (id INTEGER, v TEXT);\nINSERT INTO one WITH RECURSIVE n(i) AS "
                   "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT i, "
                   "hex(randomblob(100)) FROM n;",
                   "DROP TABLE one;");
    write_revision("222222222222", "111111111111", "two", two_sql, "SELECT 1;");
    ASSERT_EQ(run("upgrade 1111 --url sqlite:///app.db").code, 0);
  }

  // Runs `mount <args> <target>`; false (the test skips) where mounting is not allowed.
  bool mount(const std::string& args, const fs::path& target) {
    if (::geteuid() != 0) return false;
    const int status =
        std::system(("mount " + args + " '" + target.string() + "' 2>/dev/null").c_str());
    if (status != 0) return false;
    mounts_.push_back(target);
    return true;
  }

  // A tmpfs of `size` at `name` under the project.
  bool tmpfs(const std::string& name, const std::string& size) {
    fs::create_directories(dir_ / name);
    return mount("-t tmpfs -o size=" + size + " tmpfs", dir_ / name);
  }

  void expect_environment_error(const Result& result, const std::string& cause) {
    EXPECT_EQ(result.code, 2) << result.text();
    EXPECT_TRUE(contains(result.err, cause)) << result.err;
    EXPECT_TRUE(contains(result.err, "222222222222_two.sql:7")) << result.err;
    EXPECT_TRUE(contains(result.err, "upgrade 222222222222 was rolled back")) << result.err;
    EXPECT_FALSE(contains(result.err, "fix the statement")) << result.err;
  }

  std::vector<fs::path> mounts_;
};

// The database file is writable, its folder is not: SQLite cannot create its journal.
TEST_F(Environment, ReadOnlyFolder_SaysSoWithExit2NotBlamingTheStatement) {
  prepare("UPDATE one SET v = lower(v);");
  if (!tmpfs("ro", "64k")) GTEST_SKIP() << "cannot mount a tmpfs here";
  std::ofstream(dir_ / "ro/app.db").close();  // where app.db is bound, read-write
  if (!mount("-o remount,ro", dir_ / "ro") ||
      !mount("--bind '" + (dir_ / "app.db").string() + "'", dir_ / "ro/app.db")) {
    GTEST_SKIP() << "cannot remount read-only here";
  }
  expect_environment_error(run("upgrade --url sqlite:///ro/app.db"),
                           "the database file or its folder cannot be written");
  EXPECT_EQ(version("app.db"), Lines{"111111111111"});
}

TEST_F(Environment, DiskFull_SaysSoWithExit2AndRollsBack) {
  prepare("INSERT INTO one SELECT id, v || v || v || v FROM one;");
  if (!tmpfs("small", "640k")) GTEST_SKIP() << "cannot mount a tmpfs here";
  fs::copy_file(dir_ / "app.db", dir_ / "small/app.db");
  const auto result = run("upgrade --url sqlite:///small/app.db");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "the disk is full")) << result.err;
  EXPECT_TRUE(contains(result.err, "free space")) << result.err;
  EXPECT_TRUE(contains(result.err, "222222222222_two.sql")) << result.err;
  EXPECT_TRUE(contains(result.err, "upgrade 222222222222 was rolled back")) << result.err;
  EXPECT_FALSE(contains(result.err, "fix the statement")) << result.err;
  EXPECT_EQ(version("small/app.db"), Lines{"111111111111"});
  EXPECT_EQ(column("small/app.db", "SELECT count(*) FROM one"), Lines{"2000"});
}

TEST_F(Environment, DamagedFile_SaysSoWithExit2AndRollsBack) {
  prepare("UPDATE one SET v = lower(v);");
  {
    std::fstream file(dir_ / "app.db", std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(4096 * 10);  // a page of table one's rows, far from the version table
    file << std::string(4096, '\xff');
  }
  expect_environment_error(run("upgrade --url sqlite:///app.db"),
                           "the database file is damaged or is not an SQLite database");
  EXPECT_EQ(version("app.db"), Lines{"111111111111"});
}

// A statement that fails by itself is still the statement's fault: exit 1, file and line.
TEST_F(Environment, FailingStatement_StaysExit1NamingFileAndLine) {
  prepare("INSERT INTO missing VALUES (1);");
  const auto result = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(result.code, 1) << result.text();
  EXPECT_TRUE(contains(result.err, "222222222222_two.sql:7: statement 'INSERT INTO missing"))
      << result.err;
  EXPECT_TRUE(contains(result.err, "fix the statement")) << result.err;
}

TEST_F(Environment, InitOnAFullDisk_LeavesNoHalfFolder) {
  if (!tmpfs("full", "16k")) GTEST_SKIP() << "cannot mount a tmpfs here";
  (void)shell("dd if=/dev/zero of=full/filler bs=1k count=64 2>/dev/null");
  const auto result = run("init --dir full/migrations");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "full/migrations")) << result.err;
  EXPECT_TRUE(contains(result.err, "No space left on device")) << result.err;
  Lines left;
  for (const auto& entry : fs::directory_iterator(dir_ / "full"))
    left.push_back(entry.path().filename().string());
  EXPECT_EQ(left, Lines{"filler"});
  // Once there is room, init works: nothing was left to refuse.
  fs::remove(dir_ / "full/filler");
  EXPECT_EQ(run("init --dir full/migrations").code, 0);
  EXPECT_TRUE(exists("full/migrations/versions"));
}

class Url : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    init_with_two_revisions();
    ASSERT_EQ(run("upgrade 1111 --url sqlite:///app.db").code, 0);
  }
  // Every file name in the project folder.
  Lines files() {
    Lines names;
    for (const auto& [name, text] : state()) names.push_back(name);
    return names;
  }
};

TEST_F(Url, ModeRo_OpensTheFileReadOnly) {
  const auto before = state();
  const auto result = run("upgrade --url 'sqlite:///app.db?mode=ro'");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "read-only")) << result.err;
  EXPECT_EQ(state(), before);  // no file named app.db?mode=ro
  EXPECT_EQ(version("app.db"), Lines{"111111111111"});
  // Reading through the same URL works.
  const auto current = run("current --url 'sqlite:///app.db?mode=ro'");
  EXPECT_EQ(current.code, 0) << current.text();
  EXPECT_EQ(current.lines(), Lines{"111111111111, one"});
}

// A URL with a query names the same file: check finds the database and lists what is pending.
TEST_F(Url, Query_CheckReadsTheDatabaseItNames) {
  for (const std::string query : {"cache=shared", "mode=rw", "mode=ro"}) {
    const auto result = run("check --url 'sqlite:///app.db?" + query + "'");
    EXPECT_EQ(result.code, 1) << query << "\n" << result.text();
    EXPECT_FALSE(contains(result.text(), "does not exist")) << result.text();
    EXPECT_TRUE(contains(result.out, "not applied: 222222222222")) << result.text();
  }
  ASSERT_EQ(run("upgrade --url 'sqlite:///app.db?mode=rw'").code, 0);
  const auto applied = run("check --url 'sqlite:///app.db?cache=shared'");
  EXPECT_FALSE(contains(applied.text(), "does not exist")) << applied.text();
  EXPECT_FALSE(contains(applied.text(), "not up to date")) << applied.text();
}

// mode=rw and mode=rwc ask for writing; the commands that only read still read the file.
TEST_F(Url, ModeRw_CommandsThatReadWork) {
  for (const std::string mode : {"rw", "rwc"}) {
    const std::string url = "'sqlite:///app.db?mode=" + mode + "'";
    const auto current = run("current --url " + url);
    EXPECT_EQ(current.code, 0) << current.text();
    EXPECT_EQ(current.lines(), Lines{"111111111111, one"});
    const auto script = run("upgrade --sql --url " + url);
    EXPECT_EQ(script.code, 0) << script.text();
    EXPECT_TRUE(contains(script.out, "222222222222")) << script.text();
  }
}

// A run killed mid-transaction leaves a hot journal; reading rolls it back, through a URL with a
// query as through a plain one.
TEST_F(Url, HotJournal_IsRolledBackThroughAQuery) {
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    sqlite3* db = nullptr;
    sqlite3_open((dir_ / "app.db").c_str(), &db);
    sqlite3_exec(db,
                 "PRAGMA cache_size = 1; BEGIN; CREATE TABLE filler (x); WITH RECURSIVE c(i) AS "
                 "(SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20000) INSERT INTO filler "
                 "SELECT randomblob(200) FROM c; DELETE FROM dbmigrate_version;",
                 nullptr, nullptr, nullptr);
    ::_exit(0);  // no COMMIT, no ROLLBACK: as a kill leaves it
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(exists("app.db-journal"));
  const auto current = run("current --url 'sqlite:///app.db?cache=shared'");
  EXPECT_EQ(current.code, 0) << current.text();
  EXPECT_EQ(current.lines(), Lines{"111111111111, one"});
}

TEST_F(Url, Fragment_IsNotPartOfTheFileName) {
  const auto result = run("upgrade --url 'sqlite:///app.db#deploy'");
  EXPECT_EQ(result.code, 0) << result.text();
  EXPECT_EQ(version("app.db"), Lines{"222222222222"});
  EXPECT_FALSE(exists("app.db#deploy"));
}

TEST_F(Url, UnknownQueryParameter_IsRefused) {
  const auto before = state();
  const auto result = run("upgrade --url 'sqlite:///app.db?mod=ro'");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "'mod' is not an SQLite URI parameter")) << result.err;
  EXPECT_EQ(state(), before);
}

TEST_F(Url, Password_IsNeverPrinted) {
  for (const std::string url :
       {"postgresql://bob:s3cret@db.example/app", "postgres://bob:s3cret@db.example:5432/app",
        "mysql://bob:s3cret@db.example/app", "postgresql://db.example/app?password=s3cret",
        "sqlite://bob:s3cret@app.db"}) {
    // `snapshot URL` is the one command that reaches for a PostgreSQL server here (the project
    // is SQLite's, so the others refuse the URL as bad input, 2). A server that cannot be
    // reached is a database failure, 1, as a SQLite file that cannot be opened is.
    const bool postgresql = url.rfind("postgres", 0) == 0;
    const std::pair<Result, int> runs[] = {
        {run("upgrade --url '" + url + "'"), 2},
        {run("current --url '" + url + "'"), 2},
        {run("snapshot '" + url + "'"), postgresql ? 1 : 2},
        {shell("DATABASE_URL='" + url + "' '" DBMIGRATE_CLI "' check"), 2}};
    for (const auto& [result, code] : runs) {
      EXPECT_EQ(result.code, code) << url << "\n" << result.text();
      EXPECT_FALSE(contains(result.text(), "s3cret")) << result.text();
      EXPECT_TRUE(contains(result.err, "***")) << result.err;
    }
  }
}

// The CMake targets print the command line that failed: the URL in it is masked too, and
// DB_LOCK_TIMEOUT reaches the command.
TEST_F(Url, CMakeTargetFailure_MasksThePasswordAndPassesTheLockTimeout) {
  const auto result = shell(
      "DB_LOCK_TIMEOUT=7 cmake -DDBMIGRATE_CALLER=db_upgrade -DDBMIGRATE_EXECUTABLE=false "
      "-DDBMIGRATE_COMMAND=upgrade -DDBMIGRATE_DIR=migrations "
      "-DDBMIGRATE_URL=postgresql://bob:s3cret@db.example/app "
      "-P '" DBMIGRATE_SOURCE_DIR "/cmake/DbMigrateRun.cmake'");
  EXPECT_NE(result.code, 0);
  EXPECT_TRUE(contains(result.text(), "dbmigrate upgrade failed")) << result.text();
  EXPECT_FALSE(contains(result.text(), "s3cret")) << result.text();
  EXPECT_TRUE(contains(result.text(), "postgresql://bob:***@db.example/app")) << result.text();
  EXPECT_TRUE(contains(result.text(), "--lock-timeout 7")) << result.text();
}

// --sql writes a script for the sqlite3 shell; a PostgreSQL project gets a clear refusal, not
// a script its server cannot run (.bail on, BEGIN IMMEDIATE, strftime()).
TEST_F(Cli, SqlScript_RefusedForAPostgresqlProject) {
  ASSERT_EQ(run("init --url postgresql://app@db.example.com/catalogue").code, 0);
  ASSERT_EQ(run("revision -m users").code, 0);  // reading a .sql model would need the server
  for (const std::string command : {"upgrade --sql", "downgrade --sql head:base"}) {
    const auto refused = run(command);
    EXPECT_EQ(refused.code, 2) << command << "\n" << refused.text();
    EXPECT_TRUE(contains(refused.err, "--sql writes a script for the sqlite3 shell"))
        << refused.err;
    EXPECT_TRUE(contains(refused.err, "postgresql")) << refused.err;
    EXPECT_FALSE(contains(refused.out, "BEGIN")) << refused.out;
  }
}

}  // namespace
}  // namespace dbmigrate::cli_test
