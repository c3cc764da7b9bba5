// The start-up upgrade docs/library.md shows, word for word: an application bringing its
// database to the newest revision before it serves anything.
#pragma once

#include <dbmigrate/revision.hpp>
#include <dbmigrate/runner.hpp>
#include <dbmigrate/sqlite_session.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace app {

// Logs each revision as it runs, as `dbmigrate upgrade` prints it.
class LogReporter final : public dbmigrate::Reporter {
 public:
  void running(const dbmigrate::Revision& revision, std::string_view direction) override {
    std::fprintf(stderr, "%s\n", dbmigrate::running_message(revision, direction).c_str());
  }
  void backup_written(const std::filesystem::path& backup) override {
    std::fprintf(stderr, "backed up the database to %s\n", backup.c_str());
  }
  void progress(const dbmigrate::Revision&, std::string_view, std::chrono::seconds) override {}
};

// Applies every revision of `versions_dir` that the database at `database_path` lacks (creating
// the file if needed); returns the database's revision(s) afterwards. Throws dbmigrate::Error:
// a failing revision is rolled back, the ones before it stay applied.
inline std::vector<std::string> upgrade_database(const std::string& database_path,
                                                 const std::filesystem::path& versions_dir) {
  const dbmigrate::RevisionGraph graph(dbmigrate::load_revisions(versions_dir));
  dbmigrate::Runner runner = dbmigrate::open_sqlite_runner(database_path);
  LogReporter reporter;
  return runner.upgrade(graph, "head", reporter);
}

}  // namespace app
