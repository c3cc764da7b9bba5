// heads, history, show, snapshot, diff: the commands that only read.
#include <fmt/format.h>
#include <fmt/ranges.h>

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
#include "dbmigrate/snapshot_json.hpp"

namespace dbmigrate::cli {

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
    fmt::print("{}", list.verbose ? verbose_entry(graph, revision)
                                  : history_line(graph, revision) + "\n");
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
