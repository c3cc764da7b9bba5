// Test helper: revisions written as real files in a temp folder, a database file beside them,
// and a reporter that records what a run tells its user.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/revision.hpp"
#include "dbmigrate/runner.hpp"
#include "dbmigrate/sqlite_session.hpp"
#include "dialect/sqlite/connection.hpp"
#include "temp_folder.hpp"

namespace dbmigrate::testing {

class RecordingReporter : public Reporter {
 public:
  void running(const Revision& revision, std::string_view direction) override {
    const std::lock_guard lock(mutex_);
    lines.push_back(running_message(revision, direction));
  }
  void backup_written(const std::filesystem::path& backup) override {
    const std::lock_guard lock(mutex_);
    backups.push_back(backup);
  }
  void progress(const Revision& revision, std::string_view statement,
                std::chrono::seconds) override {
    const std::lock_guard lock(mutex_);
    progress_reports.push_back(revision.id + ": " + std::string(statement));
  }
  [[nodiscard]] bool wants_progress() const override { return want_progress; }

  bool want_progress = false;
  std::vector<std::string> lines;
  std::vector<std::filesystem::path> backups;
  std::vector<std::string> progress_reports;

 private:
  std::mutex mutex_;
};

class RunnerTest : public TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    std::filesystem::create_directories(versions());
  }

  std::filesystem::path versions() const { return dir_ / "versions"; }
  std::string database() const { return (dir_ / "app.db").string(); }

  // Writes the revision file; `parents` comma-separated.
  std::filesystem::path add(const std::string& id, std::vector<std::string> parents,
                            const std::string& upgrade, const std::string& downgrade,
                            const std::string& message = "step") {
    Revision revision{.id = id,
                      .parents = std::move(parents),
                      .create_date = "2026-11-24 10:00:00+00:00",
                      .message = message,
                      .upgrade_sql = upgrade,
                      .downgrade_sql = downgrade};
    const auto path = versions() / revision_filename(id, message);
    write_file_atomically(path, format_revision(revision));
    return path;
  }

  RevisionGraph graph() const { return RevisionGraph(load_revisions(versions())); }

  // Three revisions a -> b -> c, each creating a table.
  void add_chain() {
    add("aaaa", {}, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE users;",
        "add users");
    add("bbbb", {"aaaa"}, "CREATE TABLE posts (id INTEGER PRIMARY KEY);", "DROP TABLE posts;",
        "add posts");
    add("cccc", {"bbbb"}, "CREATE TABLE tags (id INTEGER PRIMARY KEY);", "DROP TABLE tags;",
        "add tags");
  }

  // Opens the database on a separate connection, as a user would look at it.
  sqlite::Connection look() const { return sqlite::Connection(database()); }

  static bool has_table(sqlite::Connection& db, const std::string& name) {
    auto statement = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    statement.bind(1, name);
    return statement.step();
  }

  static std::vector<std::string> column(sqlite::Connection& db, const std::string& sql) {
    std::vector<std::string> values;
    auto statement = db.prepare(sql);
    while (statement.step()) values.push_back(statement.text(0));
    return values;
  }

  RecordingReporter reporter_;
};

}  // namespace dbmigrate::testing
