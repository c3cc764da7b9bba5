// One writer at a time in a migrations folder: migrate, revision and merge lock it, so that two
// runs never both build on the same head; the wait is bounded and its setting named. A merge
// never writes a schema.json that lacks what the merged revisions do.
#include <fcntl.h>
#include <sys/file.h>

#include <chrono>
#include <thread>

#include "cli_fixture.hpp"
#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;
using namespace std::chrono_literals;

class FolderLock : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    ASSERT_EQ(run("init").code, 0);
    write("model.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n");
  }
  void TearDown() override {
    release();
    Cli::TearDown();
  }

  // Takes the lock a dbmigrate command takes: flock(2) on the migrations folder.
  void hold() {
    held_ = ::open((dir_ / "migrations").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ASSERT_GE(held_, 0);
    ASSERT_EQ(::flock(held_, LOCK_EX), 0);
  }
  void release() {
    if (held_ >= 0) ::close(held_);
    held_ = -1;
  }

  // `dbmigrate <args>` started in the background; finished() says whether it has ended, and
  // wait() returns its result.
  void start(const std::string& name, const std::string& args) {
    const auto base = root_ / name;
    std::system(("cd '" + dir_.string() + "' && { env -u DATABASE_URL '" DBMIGRATE_CLI "' " + args +
                 " > '" + base.string() + ".out' 2> '" + base.string() + ".err'; echo $? > '" +
                 base.string() + ".rc.tmp'; mv '" + base.string() + ".rc.tmp' '" + base.string() +
                 ".rc'; } &")
                    .c_str());
  }
  bool finished(const std::string& name) { return fs::exists(root_ / (name + ".rc")); }
  Result wait(const std::string& name) {
    for (int i = 0; i < 600 && !finished(name); ++i) std::this_thread::sleep_for(50ms);
    const auto base = root_ / name;
    if (!finished(name)) return {};
    return {std::stoi(read_file(root_ / (name + ".rc"))), read_file(base.string() + ".out"),
            read_file(base.string() + ".err")};
  }

  // base <- aaaaaaaaaaaa (creates l), base <- bbbbbbbbbbbb (runs `right`); returns base's id.
  std::string two_heads(const std::string& right) {
    EXPECT_EQ(run("revision -m base").code, 0);
    const auto base = revision("base").id;
    write_revision("aaaaaaaaaaaa", base, "left", "CREATE TABLE l (id INTEGER);", "DROP TABLE l;");
    write_revision("bbbbbbbbbbbb", base, "right", right, "SELECT 1;");
    return base;
  }

  int held_ = -1;
};

TEST_F(FolderLock, Migrate_WaitsForTheLockThenBuildsOnWhatTheHolderWrote) {
  hold();
  start("migrate", "migrate -m users --model model.sql --lock-timeout 60");
  std::this_thread::sleep_for(1500ms);
  EXPECT_FALSE(finished("migrate")) << "migrate did not wait for the folder lock";
  EXPECT_TRUE(versions().empty());
  release();
  const auto result = wait("migrate");
  EXPECT_EQ(result.code, 0) << result.text();
  EXPECT_EQ(versions().size(), 1u);
}

TEST_F(FolderLock, MigrateRevisionMerge_TimeOutNamingTheSettingAndWriteNothing) {
  (void)two_heads("CREATE TABLE r (id INTEGER);");
  const FolderState before = state();
  hold();
  for (const std::string args :
       {"migrate -m users --model model.sql", "revision -m empty", "merge -m join heads"}) {
    const auto started = std::chrono::steady_clock::now();
    const auto result = run(args + " --lock-timeout 0.5");
    const auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(result.code, 1) << args << "\n" << result.text();
    EXPECT_TRUE(contains(result.err, "migrations' is locked by another dbmigrate command"))
        << result.err;
    EXPECT_TRUE(contains(result.err, "waited 0.5 s")) << result.err;
    EXPECT_TRUE(contains(result.err, "--lock-timeout SECONDS")) << result.err;
    EXPECT_TRUE(contains(result.err, "DB_LOCK_TIMEOUT")) << result.err;
    EXPECT_GE(waited, 500ms) << args;
    EXPECT_EQ(state(), before) << args;
  }
}

// Two migrate runs started together: one writes the revision, the other then finds nothing to
// do. Without the lock both read the same head and wrote a revision each: two heads.
TEST_F(FolderLock, TwoMigrateRunsAtOnce_WriteOneRevision) {
  for (int round = 0; round < 3; ++round) {
    write("model.sql",
          "CREATE TABLE users (id INTEGER PRIMARY KEY, c" + std::to_string(round) + " TEXT);\n");
    start("first" + std::to_string(round), "migrate -m one --model model.sql");
    start("second" + std::to_string(round), "migrate -m two --model model.sql");
    const auto first = wait("first" + std::to_string(round));
    const auto second = wait("second" + std::to_string(round));
    EXPECT_EQ(first.code, 0) << first.text();
    EXPECT_EQ(second.code, 0) << second.text();
    EXPECT_EQ(contains(first.out, "No changes in schema detected.") +
                  contains(second.out, "No changes in schema detected."),
              1)
        << first.text() << second.text();
    EXPECT_EQ(versions().size(), static_cast<std::size_t>(round + 1));
    EXPECT_EQ(run("heads").lines().size(), 1u) << run("heads").text();
  }
}

// The database's own lock: the message names the same setting, which the runner honours.
TEST_F(FolderLock, UpgradeMeetingALockedDatabase_NamesTheSettingThatRaisesTheWait) {
  write_revision("111111111111", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
  sqlite::Connection holder((dir_ / "app.db").string());
  holder.execute("CREATE TABLE busy (id INTEGER); BEGIN IMMEDIATE; INSERT INTO busy VALUES (1);");
  const auto started = std::chrono::steady_clock::now();
  const auto result = run("upgrade --url sqlite:///app.db --lock-timeout 0.3");
  EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
  EXPECT_EQ(result.code, 1) << result.text();
  EXPECT_TRUE(contains(result.err, "is locked by another DbMigrate run; waited 0.3 s"))
      << result.err;
  EXPECT_TRUE(contains(result.err, "--lock-timeout SECONDS")) << result.err;
  holder.execute("COMMIT");
  EXPECT_EQ(run("upgrade --url sqlite:///app.db --lock-timeout 0.3").code, 0);
  EXPECT_EQ(version("app.db"), Lines{"111111111111"});
}

// After a git merge of two branches, schema.json is one side's: the merge revision gets the
// schema both sides make, and the next migrate of the joined model finds nothing to do.
TEST_F(FolderLock, Merge_SchemaJsonOfOneBranch_IsRebuiltWithTheOther) {
  write("a.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
  ASSERT_EQ(run("migrate -m a --model a.sql").code, 0);
  write_revision("bbbbbbbbbbbb", "", "b", "CREATE TABLE b (id INTEGER PRIMARY KEY, name TEXT);",
                 "DROP TABLE b;");
  const auto merged = run("merge -m join heads");
  ASSERT_EQ(merged.code, 0) << merged.text();
  EXPECT_TRUE(contains(merged.err, "added table 'b'")) << merged.err;
  const auto schema = read("migrations/schema.json");
  EXPECT_TRUE(contains(schema, "\"name\": \"b\"")) << schema;
  EXPECT_TRUE(contains(schema, "\"name\": \"a\"")) << schema;
  EXPECT_TRUE(contains(schema, "\"head\": \"" + revision("join").id + "\"")) << schema;

  write("ab.sql",
        "CREATE TABLE a (id INTEGER PRIMARY KEY);\n"
        "CREATE TABLE b (id INTEGER PRIMARY KEY, name TEXT);\n");
  const auto next = run("migrate -m next --model ab.sql");
  EXPECT_EQ(next.code, 0) << next.text();
  EXPECT_EQ(next.lines(), Lines{"No changes in schema detected."});
  EXPECT_EQ(run("check --model ab.sql").code, 0) << run("check --model ab.sql").text();
}

// A schema.json of neither merged revision, whose revisions cannot be replayed to rebuild it:
// refused, nothing written.
TEST_F(FolderLock, Merge_StaleSchemaJsonThatCannotBeRebuilt_IsRefused) {
  const auto base = two_heads("INSERT INTO nowhere VALUES (1);");
  const FolderState before = state();
  const auto result = run("merge -m join heads");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "belongs to revision '" + base + "'")) << result.err;
  EXPECT_TRUE(contains(result.err, "aaaaaaaaaaaa, bbbbbbbbbbbb")) << result.err;
  EXPECT_EQ(state(), before);
}

}  // namespace
}  // namespace dbmigrate::cli_test
