// heads, history, show, snapshot, diff: the commands that only read.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/project.hpp"
#include "cli/revision_entry.hpp"
#include "cli/script_text.hpp"
#include "cli/sources.hpp"
#include "dbmigrate/diagram.hpp"
#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot_json.hpp"

namespace dbmigrate::cli {

namespace {

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

int run_heads(const CommonOptions& options, const ListOptions& list) {
  const RevisionGraph graph = Project(options.dir).graph();
  for (const auto& head : graph.heads()) {
    if (list.verbose) {
      fmt::print("{}", verbose_entry(graph, graph.at(head)));
    } else {
      fmt::print("{} (head)\n", head);
    }
  }
  return 0;
}

int run_history(const CommonOptions& options, const ListOptions& list) {
  const Project project(options.dir);
  const RevisionGraph graph = project.graph();
  const std::vector<std::string> marked = database_heads_to_mark(options, project, list.indicate_current);
  std::vector<std::string> ids = graph.ordered();
  if (!list.range.empty()) {
    std::optional<std::vector<std::string>> current;
    if (list.range.find("current") != std::string::npos) {
      current = read_current_heads(project.dialect(), database_path(options, project));
    }
    ids = revision_range(graph, list.range, current);
  }
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    const Revision& revision = graph.at(*it);
    const bool is_current = std::find(marked.begin(), marked.end(), revision.id) != marked.end();
    fmt::print("{}", list.verbose ? verbose_entry(graph, revision, is_current)
                                  : history_line(graph, revision, is_current) + "\n");
  }
  return 0;
}

int run_branches(const CommonOptions& options, const ListOptions& list) {
  const RevisionGraph graph = Project(options.dir).graph();
  for (const auto& id : graph.branch_points()) {
    if (list.verbose) {
      fmt::print("{}", verbose_entry(graph, graph.at(id)));
      continue;
    }
    fmt::print("{} (branchpoint), {}\n", id, graph.at(id).message);
    for (const auto& child : graph.children(id))
      fmt::print("  -> {}, {}\n", child, graph.at(child).message);
  }
  return 0;
}

int run_show(const CommonOptions& options, const std::string& revision) {
  const RevisionGraph graph = Project(options.dir).graph();
  const auto ids = named_revisions(graph, revision, "show");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const Revision& found = graph.at(ids[i]);
    fmt::print("{}{}", i == 0 ? "" : "\n", format_revision(found));
    fmt::print("\n-- file: {}\n", found.path.string());
  }
  return 0;
}

int run_snapshot(const std::string& source, const std::string& format) {
  const Snapshot snapshot = load_snapshot(source, dialect_of_sources({source}));
  fmt::print("{}", format == "mermaid" ? mermaid_diagram(snapshot)
                   : format == "dot"   ? dot_diagram(snapshot)
                                       : to_json(snapshot));
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
