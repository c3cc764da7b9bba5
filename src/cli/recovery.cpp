// remove, rebuild-schema: putting the migrations folder right again. `remove` undoes a
// `migrate` (or `revision`) whose revision was never applied, as EF Core's `migrations remove`
// does; `rebuild-schema` writes schema.json again from the revisions when it is lost, stale
// or left in conflict.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/folder_lock.hpp"
#include "cli/project.hpp"
#include "cli/replay.hpp"
#include "cli/schema_conflict.hpp"
#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot_json.hpp"

namespace fs = std::filesystem;

namespace dbmigrate::cli {
namespace {

// The one head of the graph; with none or several there is no "newest" revision.
const Revision& single_head(const RevisionGraph& graph, std::string_view command) {
  const auto& heads = graph.heads();
  if (heads.empty()) throw Error(ErrorKind::usage, fmt::format("{}: there is no revision", command));
  if (heads.size() > 1) {
    throw Error(ErrorKind::usage,
                fmt::format("{}: the revisions have several heads ({}): join them first with 'dbmigrate merge "
                            "-m MSG heads' (target db_merge)",
                            command, fmt::join(heads, ", ")));
  }
  return graph.at(heads.front());
}

// The schema the revisions up to `heads` build, for schema.json; a revision that fails is bad
// input, named, and nothing is written.
Snapshot schema_at(const Project& project, const RevisionGraph& graph, const std::vector<std::string>& heads,
                   std::string_view command) {
  try {
    Snapshot snapshot = replayed_schema(project.dialect(), graph, heads);
    snapshot.head = heads.empty() ? std::nullopt : std::optional<std::string>(heads.front());
    return snapshot;
  } catch (const Error& error) {
    throw Error(ErrorKind::input,
                fmt::format("{}: replaying the revisions on an empty database failed, so nothing was written: {}",
                            command, error.what()));
  }
}

}  // namespace

int run_remove(const CommonOptions& options) {
  Project project(options.dir);
  const FolderLock lock(project.dir(), options.lock_timeout);
  const RevisionGraph graph = project.graph();
  const Revision& newest = single_head(graph, "remove");
  if (newest.parents.size() > 1) {
    throw Error(ErrorKind::usage,
                fmt::format("remove: the newest revision {} is a merge of {}: removing it would leave several "
                            "heads, and schema.json can belong to only one; delete {} by hand if that is what "
                            "you want, then 'dbmigrate rebuild-schema' after the next merge",
                            newest.id, fmt::join(newest.parents, ", "), newest.path.string()));
  }
  // Refused while any database it can see has it: the revision must be downgraded there first.
  if (auto path = optional_database_path(options, project)) {
    const auto applied = read_current_heads(project.dialect(), *path);
    if (std::find(applied.begin(), applied.end(), newest.id) != applied.end()) {
      throw Error(ErrorKind::check,
                  fmt::format("remove: revision {} ({}) is applied in database '{}': downgrade it there first "
                              "with 'dbmigrate downgrade -1' (target db_downgrade), then remove it; nothing "
                              "was changed",
                              newest.id, newest.message, *path));
    }
  }
  const Snapshot parent = schema_at(project, graph, newest.parents, "remove");
  const std::string old_schema = fs::exists(project.schema_path()) ? read_file(project.schema_path()) : "";
  write_file_atomically(project.schema_path(), to_json(parent));
  std::error_code error;
  if (!fs::remove(newest.path, error) || error) {
    write_file_atomically(project.schema_path(), old_schema);
    throw Error(ErrorKind::input, fmt::format("remove: cannot remove {}: {}; nothing was changed", newest.path.string(),
                                              error ? error.message() : "it is gone"));
  }
  fmt::print("Removed revision {} ({}), {}\n", newest.id, newest.message, newest.path.string());
  fmt::print("Restored {} to {}\n", project.schema_path().string(),
             newest.parents.empty() ? std::string("base (no revision)")
                                    : fmt::format("revision {}", newest.parents.front()));
  return 0;
}

int run_rebuild_schema(const CommonOptions& options) {
  Project project(options.dir);
  const FolderLock lock(project.dir(), options.lock_timeout);
  const RevisionGraph graph = project.graph();
  std::vector<std::string> heads;
  if (!graph.empty()) heads = {single_head(graph, "rebuild-schema").id};
  const Snapshot rebuilt = schema_at(project, graph, heads, "rebuild-schema");

  // What changes, so that the user sees what the old file lacked or had wrong.
  std::string before = "it was missing";
  if (auto conflict = schema_conflict(project)) {
    before = "it held git conflict markers";
  } else if (fs::exists(project.schema_path())) {
    try {
      const Snapshot old = project.head_snapshot();
      std::vector<std::string> changes;
      for (const auto& operation : diff(old, rebuilt, project.dialect().capabilities().identifier_case)) {
        changes.push_back(operation.describe());
      }
      if (old.head != rebuilt.head) {
        changes.push_back(fmt::format("head revision '{}' -> '{}'", old.head.value_or(""), rebuilt.head.value_or("")));
      }
      before = changes.empty() ? "it was already right" : fmt::format("{}", fmt::join(changes, "; "));
    } catch (const Error& error) {
      before = fmt::format("it could not be read: {}", error.what());
    }
  }
  write_file_atomically(project.schema_path(), to_json(rebuilt));
  fmt::print("Rebuilt {} from {} revision(s), at {} ({})\n", project.schema_path().string(),
             graph.revisions().size(), heads.empty() ? std::string("base") : fmt::format("revision {}", heads.front()),
             before);
  return 0;
}

}  // namespace dbmigrate::cli
