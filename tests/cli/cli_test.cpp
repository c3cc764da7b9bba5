// The dbmigrate binary, spawned as a user would run it, in a scratch folder.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dbmigrate/revision.hpp"
#include "dbmigrate/snapshot_json.hpp"

namespace fs = std::filesystem;

namespace dbmigrate {
namespace {

struct Result {
  int code;
  std::string out;
};

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dbmigrate-cli-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Result run(const std::string& args) {
    std::string command = "cd '" + dir_.string() + "' && '" DBMIGRATE_CLI "' " + args + " > out.txt 2>&1";
    int status = std::system(command.c_str());
    std::ifstream in(dir_ / "out.txt");
    std::stringstream text;
    text << in.rdbuf();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
  }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::string read(const fs::path& path) {
    std::ifstream in(dir_ / path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::vector<fs::path> versions() {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(dir_ / "migrations/versions")) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path dir_;
};

TEST_F(Cli, InitMigrateAndNoChange) {
  ASSERT_EQ(run("init").code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "migrations/dbmigrate.json"));
  write("model.sql", "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name TEXT);\n");
  auto migrated = run("migrate -m 'Initial migration' --model model.sql");
  ASSERT_EQ(migrated.code, 0) << migrated.out;
  EXPECT_NE(migrated.out.find("Detected added table 'users'"), std::string::npos) << migrated.out;
  ASSERT_EQ(versions().size(), 1u);
  Revision revision = parse_revision(read(versions()[0]), versions()[0]);
  EXPECT_EQ(revision.message, "Initial migration");
  EXPECT_TRUE(revision.parents.empty());
  EXPECT_NE(revision.upgrade_sql.find("CREATE TABLE users ("), std::string::npos);
  EXPECT_EQ(revision.downgrade_sql, "-- WARNING: drops table 'users' and every row in it\nDROP TABLE users;");
  Snapshot head = snapshot_from_json(read("migrations/schema.json"));
  EXPECT_EQ(head.head, revision.id);
  ASSERT_EQ(head.tables.size(), 1u);

  auto again = run("migrate -m again --model model.sql");
  EXPECT_EQ(again.code, 0);
  EXPECT_NE(again.out.find("No changes in schema detected."), std::string::npos);
  EXPECT_EQ(versions().size(), 1u);

  write("model.sql", "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name TEXT, age INTEGER);\n");
  auto second = run("--model model.sql migrate -m 'add age'");
  ASSERT_EQ(second.code, 0) << second.out;
  ASSERT_EQ(versions().size(), 2u);
  auto history = run("history");
  EXPECT_NE(history.out.find("(head), add age"), std::string::npos) << history.out;
}

TEST_F(Cli, BadInputIsExitTwoAndTouchesNothing) {
  EXPECT_EQ(run("history").code, 2);  // no migrations folder
  ASSERT_EQ(run("init").code, 0);
  EXPECT_EQ(run("init").code, 2);     // refuses to overwrite
  write("broken.json", "{\"format\": 1, \"tables\": [");
  std::string schema_before = read("migrations/schema.json");
  auto broken = run("migrate -m x --model broken.json");
  EXPECT_EQ(broken.code, 2);
  EXPECT_NE(broken.out.find("broken.json: not valid JSON at line 1"), std::string::npos) << broken.out;
  EXPECT_EQ(read("migrations/schema.json"), schema_before);
  EXPECT_TRUE(versions().empty());
  EXPECT_EQ(run("show nothing").code, 2);
  EXPECT_EQ(run("frobnicate").code, 2);
  EXPECT_EQ(run("snapshot mysql://x/y").code, 2);
  EXPECT_EQ(run("--help").code, 0);
}

TEST_F(Cli, SnapshotOfADatabaseUrl) {
  write("schema.sql", "CREATE TABLE t (id INTEGER NOT NULL, PRIMARY KEY (id));\n");
  ASSERT_EQ(std::system(("sqlite3 '" + (dir_ / "app.db").string() + "' < '" + (dir_ / "schema.sql").string() + "'").c_str()), 0);
  auto from_db = run("snapshot sqlite:///app.db");
  auto from_sql = run("snapshot schema.sql");
  ASSERT_EQ(from_db.code, 0) << from_db.out;
  EXPECT_EQ(from_db.out, from_sql.out);
  EXPECT_EQ(from_db.out, to_json(snapshot_from_json(from_db.out)));
}

}  // namespace
}  // namespace dbmigrate
