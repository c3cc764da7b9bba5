// Replaying revisions on a private, empty database of the project's dialect (SQLite: in
// memory, so nothing is written to disk): what check and merge compare schema.json with.
#pragma once

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/runner.hpp"

namespace dbmigrate::cli {

// Tells nothing: a replay's revisions are not the user's run.
class QuietReporter final : public Reporter {
 public:
  void running(const Revision&, std::string_view) override {}
  void backup_written(const std::filesystem::path&) override {}
  void progress(const Revision&, std::string_view, std::chrono::seconds) override {}
};

// A runner on a new scratch database; Runner::schema() reads what the replay built.
[[nodiscard]] Runner scratch_runner(const Dialect& dialect);

// The schema the revisions up to `heads` build on an empty scratch database (none: base).
[[nodiscard]] Snapshot replayed_schema(const Dialect& dialect, const RevisionGraph& graph,
                                       const std::vector<std::string>& heads);

}  // namespace dbmigrate::cli
