// heads, history, show, snapshot, diff: the commands that only read.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/project.hpp"
#include "cli/script_text.hpp"
#include "cli/sources.hpp"
#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot_json.hpp"

namespace dbmigrate::cli {
namespace {

std::string marks(const RevisionGraph& graph, const Revision& revision) {
  std::string out;
  const auto& heads = graph.heads();
  if (std::find(heads.begin(), heads.end(), revision.id) != heads.end()) out += " (head)";
  if (graph.children(revision.id).size() > 1) out += " (branchpoint)";
  if (revision.parents.size() > 1) out += " (mergepoint)";
  return out;
}

// The database's heads, for `history` to mark: of the database given (--url, DATABASE_URL),
// or with --indicate-current of the project's too; none without a database.
std::vector<std::string> database_heads_to_mark(const CommonOptions& options, const Project& project,
                                                bool indicate_current) {
  if (!database_given(options) && !indicate_current) return {};
  const auto path = optional_database_path(options, project);
  if (!path) {
    if (indicate_current) throw Error(ErrorKind::usage, "history --indicate-current needs a database: pass --url");
    return {};
  }
  return read_current_heads(project.dialect(), *path);
}

}  // namespace

int run_heads(const CommonOptions& options) {
  const RevisionGraph graph = Project(options.dir).graph();
  for (const auto& head : graph.heads()) fmt::print("{} (head)\n", head);
  return 0;
}

int run_history(const CommonOptions& options, bool indicate_current) {
  const Project project(options.dir);
  const RevisionGraph graph = project.graph();
  const std::vector<std::string> current = database_heads_to_mark(options, project, indicate_current);
  const auto& revisions = graph.revisions();
  for (auto it = revisions.rbegin(); it != revisions.rend(); ++it) {
    std::string from =
        it->parents.empty() ? "<base>" : fmt::format("{}", fmt::join(it->parents, ", "));
    const bool is_current = std::find(current.begin(), current.end(), it->id) != current.end();
    fmt::print("{} -> {}{}{}, {}\n", from, it->id, marks(graph, *it), is_current ? " (current)" : "",
               it->message);
  }
  return 0;
}

int run_branches(const CommonOptions& options) {
  const RevisionGraph graph = Project(options.dir).graph();
  for (const auto& id : graph.branch_points()) {
    fmt::print("{} (branchpoint), {}\n", id, graph.at(id).message);
    for (const auto& child : graph.children(id))
      fmt::print("  -> {}, {}\n", child, graph.at(child).message);
  }
  return 0;
}

int run_show(const CommonOptions& options, const std::string& revision) {
  const RevisionGraph graph = Project(options.dir).graph();
  const Revision& found = graph.find(revision);
  fmt::print("{}", format_revision(found));
  fmt::print("\n-- file: {}\n", found.path.string());
  return 0;
}

int run_snapshot(const std::string& source) {
  fmt::print("{}", to_json(load_snapshot(source, dialect_of_sources({source}))));
  return 0;
}

int run_diff(const std::string& from_source, const std::string& to_source, bool sql,
             bool exit_code) {
  const Dialect& dialect = dialect_of_sources({from_source, to_source});
  const Snapshot from = load_snapshot(from_source, dialect, "migrations/schema.json");
  const Snapshot to = load_snapshot(to_source, dialect, "migrations/schema.json");
  const Operations operations = diff(from, to, dialect.capabilities().identifier_case);
  if (operations.empty()) {
    fmt::print("No changes in schema detected.\n");
    return 0;
  }
  if (sql) {
    fmt::print("{}\n", script_text(dialect.render(from, operations)));
  } else {
    for (const auto& operation : operations) fmt::print("{}\n", operation.describe());
  }
  return exit_code ? 1 : 0;
}

}  // namespace dbmigrate::cli
