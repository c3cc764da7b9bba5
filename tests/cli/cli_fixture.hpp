// The fixture of the command-line tests: the built `dbmigrate` binary, spawned through the shell
// as a user runs it, in a scratch project folder; helpers to write files, read the versions
// folder, query the SQLite database it migrates and snapshot everything on disk.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "dbmigrate/revision.hpp"

namespace dbmigrate::cli_test {

namespace fs = std::filesystem;

struct Result {
  int code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
  [[nodiscard]] std::string text() const { return out + err; }
  [[nodiscard]] std::vector<std::string> lines() const {
    std::vector<std::string> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
};

// Every file under a folder with its bytes: two equal states mean nothing was written.
using FolderState = std::map<std::string, std::string>;

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `-- Revision ID:` ... for a hand-written revision file (the layout docs/cli.md gives).
inline std::string revision_text(const std::string& id, const std::string& revises,
                                 const std::string& message, const std::string& upgrade,
                                 const std::string& downgrade) {
  return "-- Revision ID: " + id + "\n-- Revises: " + revises +
         "\n-- Create Date: 2026-01-01 00:00:00+00:00\n-- Message: " + message +
         "\n\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\n" + downgrade + "\n";
}

// A model of the tests that generate revisions (model.sql), and the same with a column more.
constexpr const char* users = "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name TEXT);\n";
constexpr const char* users_with_age =
    "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name TEXT, age INTEGER);\n";

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() / ("dbmigrate-cli-" + std::to_string(::getpid()) + "-" +
                                         info->test_suite_name() + "-" + info->name());
    fs::remove_all(root_);
    dir_ = root_ / "project";
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(root_, ignored);
  }

  // Runs `dbmigrate <args>` in the project folder; the environment's DATABASE_URL is not
  // inherited, so a test names its database itself.
  Result run(const std::string& args) {
    return shell("env -u DATABASE_URL '" DBMIGRATE_CLI "' " + args);
  }

  // Any shell command in the project folder, its outputs kept outside it.
  Result shell(const std::string& command) {
    const fs::path out = root_ / "stdout.txt";
    const fs::path err = root_ / "stderr.txt";
    const std::string line = "cd '" + dir_.string() + "' && { " + command + " ; } > '" +
                             out.string() + "' 2> '" + err.string() + "'";
    const int status = std::system(line.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out), read_file(err)};
  }

  void write(const fs::path& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::string read(const fs::path& path) { return read_file(dir_ / path); }
  [[nodiscard]] bool exists(const fs::path& path) const { return fs::exists(dir_ / path); }

  // The revision files, sorted by name (not the hidden .gitkeep that init writes).
  std::vector<fs::path> versions() {
    std::vector<fs::path> out;
    if (!fs::exists(dir_ / "migrations/versions")) return out;
    for (const auto& entry : fs::directory_iterator(dir_ / "migrations/versions")) {
      if (!entry.path().filename().string().starts_with('.')) out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  // The revision whose `-- Message:` is `message`, as parsed from its file.
  Revision revision(const std::string& message) {
    for (const auto& path : versions()) {
      Revision parsed = parse_revision(read_file(path), path);
      if (parsed.message == message) return parsed;
    }
    ADD_FAILURE() << "no revision with message '" << message << "'";
    return {};
  }
  void write_revision(const std::string& id, const std::string& revises, const std::string& message,
                      const std::string& upgrade, const std::string& downgrade) {
    write("migrations/versions/" + id + "_" + message + ".sql",
          revision_text(id, revises, message, upgrade, downgrade));
  }
  // One `migrate -m message` with model.sql holding `schema`.
  void migrate_model(const std::string& message, const std::string& schema) {
    write("model.sql", schema);
    const auto migrated = run("migrate -m " + message + " --model model.sql");
    ASSERT_EQ(migrated.code, 0) << migrated.text();
  }
  // `init`, then 111111111111 (creates table one) and 222222222222 after it (creates two).
  void init_with_two_revisions() {
    ASSERT_EQ(run("init").code, 0);
    write_revision("111111111111", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
    write_revision("222222222222", "111111111111", "two", "CREATE TABLE two (id INTEGER);",
                   "DROP TABLE two;");
  }


  // Every file under the project folder with its content.
  FolderState state() {
    FolderState files;
    for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
      if (entry.is_regular_file())
        files[fs::relative(entry.path(), dir_).string()] = read_file(entry.path());
    }
    return files;
  }

  // The rows of a query on a database file of the project, each column as text ("NULL" for null).
  std::vector<std::vector<std::string>> query(const std::string& database, const std::string& sql) {
    std::vector<std::vector<std::string>> rows;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2((dir_ / database).c_str(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
      ADD_FAILURE() << "cannot open " << database << ": " << sqlite3_errmsg(db);
      sqlite3_close(db);
      return rows;
    }
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
    } else {
      while (sqlite3_step(statement) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int i = 0; i < sqlite3_column_count(statement); ++i) {
          const auto* text = sqlite3_column_text(statement, i);
          row.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
        }
        rows.push_back(std::move(row));
      }
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
  }
  // One column of a query.
  std::vector<std::string> column(const std::string& database, const std::string& sql) {
    std::vector<std::string> values;
    for (auto& row : query(database, sql)) values.push_back(row.at(0));
    return values;
  }
  // The user tables of a database, sorted (SQLite's and DbMigrate's own left out).
  std::vector<std::string> tables(const std::string& database) {
    return column(
        database,
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'dbmigrate_%' ORDER BY name");
  }
  std::vector<std::string> columns(const std::string& database, const std::string& table) {
    return column(database, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
  }
  std::vector<std::string> version(const std::string& database) {
    return column(database, "SELECT revision FROM dbmigrate_version ORDER BY revision");
  }

  fs::path root_;
  fs::path dir_;
};

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace dbmigrate::cli_test
