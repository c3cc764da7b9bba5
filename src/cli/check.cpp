// check: the CI gate. Each problem is one line; any problem is exit 1.
//   - the model differs from schema.json (a pending migration), naming each change;
//   - the revision graph is broken or has more than one head;
//   - replaying every revision on a scratch database does not give schema.json, or a
//     revision's downgrade does not restore the schema before it;
//   - given a database: revisions not applied there, applied revisions whose file changed, and
//     drift: what it has or lacks compared with the snapshot at its revision.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/drift.hpp"
#include "cli/project.hpp"
#include "cli/replay.hpp"
#include "cli/schema_conflict.hpp"
#include "cli/sources.hpp"
#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/runner.hpp"
#include "dbmigrate/session.hpp"

namespace fs = std::filesystem;

namespace dbmigrate::cli {
namespace {

std::string changes(const Dialect& dialect, const Snapshot& from, const Snapshot& to) {
  std::vector<std::string> lines;
  for (const auto& operation : diff(from, to, dialect.capabilities().identifier_case)) {
    lines.push_back(operation.describe());
  }
  return fmt::format("{}", fmt::join(lines, "; "));
}

// The schemas the round trip compares with, when their fingerprints differ: a second replay that only
// moves forward (each revision applied to it once), so that the whole check stays linear in the
// length of the history.
class ReferenceReplay {
 public:
  ReferenceReplay(const Dialect& dialect, const RevisionGraph& graph) : dialect_(dialect), graph_(graph) {}

  // The schema with exactly `heads` applied.
  Snapshot at(std::vector<std::string> heads) {
    std::sort(heads.begin(), heads.end());
    if (!runner_ || !reaches(heads)) {
      runner_.emplace(scratch_runner(dialect_));  // it went past them, on another line
      for (const auto& id : heads) (void)runner_->upgrade(graph_, id, reporter_);
    }
    return runner_->schema();
  }

 private:
  bool reaches(const std::vector<std::string>& heads) {
    for (const auto& id : heads) (void)runner_->upgrade(graph_, id, reporter_);
    return runner_->current_heads() == heads;
  }

  const Dialect& dialect_;
  const RevisionGraph& graph_;
  std::optional<Runner> runner_;
  QuietReporter reporter_;
};

// Replays every revision from base to the heads, checking each downgrade on the way; returns
// the schema the replay gives at the heads, none when a revision failed. Each step compares a
// fingerprint of the schema's stored definitions (cheap) and inspects only when that differs: a
// downgrade that rebuilds a table may leave its definition spelt otherwise, and that is still
// the same schema.
std::optional<Snapshot> check_replay(const Dialect& dialect, const RevisionGraph& graph, const Snapshot& head,
                                     std::vector<std::string>& problems) {
  Runner runner = scratch_runner(dialect);
  ReferenceReplay reference(dialect, graph);
  QuietReporter reporter;
  std::string before = runner.schema_fingerprint();
  for (const auto& id : graph.ordered()) {
    const Revision& revision = graph.at(id);
    try {
      runner.upgrade(graph, id, reporter);
    } catch (const Error& error) {
      problems.push_back(fmt::format("revision {} fails on a fresh database: {}", id, error.what()));
      return std::nullopt;
    }
    const std::string after = runner.schema_fingerprint();
    // The round trip is only unambiguous where the revision is the one thing applied on its line.
    if (revision.parents.size() > 1 || runner.current_heads() != std::vector<std::string>{id}) {
      before = after;
      continue;
    }
    try {
      runner.downgrade(graph, "-1", reporter);
      if (const std::string restored = runner.schema_fingerprint(); restored.empty() || restored != before) {
        const Snapshot expected = reference.at(revision.parents);
        const Snapshot actual = runner.schema();
        if (!equivalent(actual, expected)) {
          problems.push_back(fmt::format("revision {} ({}): downgrade does not restore the schema before it: {}", id,
                                         revision.path.filename().string(), changes(dialect, actual, expected)));
        }
      }
      runner.upgrade(graph, id, reporter);
      before = runner.schema_fingerprint();
      if (before.empty() || before != after) {
        const Snapshot expected = reference.at({id});
        const Snapshot actual = runner.schema();
        if (!equivalent(actual, expected)) {
          problems.push_back(fmt::format("revision {}: upgrade after downgrade gives another schema: {}", id,
                                         changes(dialect, expected, actual)));
        }
      }
    } catch (const Error& error) {
      problems.push_back(fmt::format("revision {} ({}): downgrade fails: {}", id, revision.path.filename().string(),
                                     error.what()));
      return std::nullopt;
    }
  }
  if (!graph.empty()) runner.upgrade(graph, "heads", reporter);
  const Snapshot replayed = runner.schema();
  if (!equivalent(replayed, head)) {
    problems.push_back(fmt::format("replaying the revisions does not give schema.json: {}", changes(dialect, replayed, head)));
  }
  return replayed;
}

// What the database has or lacks compared with the snapshot at its revision(s). Nothing to
// compare at base (the revisions not applied are reported already), nor at a revision the
// files do not have.
void check_drift(const Dialect& dialect, const RevisionGraph& graph, const std::optional<Snapshot>& replayed,
                 const std::string& path, std::vector<std::string> heads,
                 std::vector<std::string>& problems) {
  if (heads.empty() || !replayed) return;
  for (const auto& id : heads) {
    if (!graph.contains(id)) return;
  }
  std::sort(heads.begin(), heads.end());
  std::vector<std::string> graph_heads = graph.heads();
  std::sort(graph_heads.begin(), graph_heads.end());
  const Snapshot expected = heads == graph_heads ? *replayed : replayed_schema(dialect, graph, heads);
  Snapshot live;
  try {
    live = dialect.inspect(path);
  } catch (const Error& error) {
    problems.push_back(fmt::format(
        "database '{}' cannot be read to compare it with the revisions: {}", path, error.what()));
    return;
  }
  for (auto& line : describe_drift(expected, live, fmt::format("{}", fmt::join(heads, ", ")),
                                           dialect.capabilities().identifier_case)) {
    problems.push_back(std::move(line));
  }
}

}  // namespace

int run_check(const CommonOptions& options) {
  Project project(options.dir);
  const Dialect& dialect = project.dialect();
  std::vector<std::string> problems;
  if (auto conflict = schema_conflict(project)) {
    fmt::print("{}\n", *conflict);
    return 1;
  }
  const Snapshot head = project.head_snapshot();

  std::string model = !options.model.empty() ? options.model : project.settings().model;
  if (!model.empty()) {
    const Operations pending = diff(head, load_snapshot(model, dialect), dialect.capabilities().identifier_case);
    for (const auto& operation : pending) {
      problems.push_back(fmt::format("pending migration: {} (run 'dbmigrate migrate -m MSG', target db_migrate)", operation.describe()));
    }
    // Not a problem by itself, but what the reviewer of that migration should know.
    if (!pending.empty()) {
      for (const auto& warning : dialect.render(head, pending).lock_warnings) problems.push_back(warning);
    }
  }

  RevisionGraph graph;
  try {
    graph = project.graph();
  } catch (const Error& error) {
    problems.push_back(fmt::format("revision graph: {}", error.what()));
    for (const auto& problem : problems) fmt::print("{}\n", problem);
    return 1;
  }
  if (graph.heads().size() > 1) {
    problems.push_back(fmt::format("multiple heads {}: join them with 'dbmigrate merge -m MSG {}' (target db_merge)",
                                   fmt::join(graph.heads(), ", "), fmt::join(graph.heads(), " ")));
  }
  const std::string expected_head = graph.heads().size() == 1 ? graph.heads().front() : std::string();
  if (graph.heads().size() <= 1 && head.head.value_or("") != expected_head) {
    problems.push_back(fmt::format("schema.json belongs to revision '{}' but the head revision is '{}': {}",
                                   head.head.value_or(""), expected_head, rebuild_schema_advice()));
  }
  const std::optional<Snapshot> replayed = check_replay(dialect, graph, head, problems);

  // Only a database named explicitly (docs/ci.md): a fresh CI checkout has none.
  if (auto path = database_given(options) ? optional_database_path(options, project) : std::nullopt) {
    if (!dialect.database_exists(*path)) {
      problems.push_back(fmt::format("database '{}' does not exist: run 'dbmigrate upgrade' (target db_upgrade)", *path));
    } else {
      const auto current = read_current_heads(project.dialect(), *path);
      try {
        auto pending = upgrade_plan(graph, current, "heads");
        if (!pending.empty()) {
          problems.push_back(fmt::format("database is not up to date: {} revision(s) not applied: {}", pending.size(),
                                         fmt::join(pending, ", ")));
        }
      } catch (const Error& error) {
        problems.push_back(fmt::format("database: {}", error.what()));
      }
      const RunnerOptions read_only{.read_only = true};
      Runner runner(dialect.open_session(*path, read_only), read_only);
      for (const auto& id : runner.changed_revisions(graph)) {
        problems.push_back(fmt::format("revision {} ({}) changed since it was applied", id,
                                       graph.contains(id) ? graph.at(id).path.filename().string() : id));
      }
      check_drift(dialect, graph, replayed, *path, current, problems);
    }
  }

  for (const auto& problem : problems) fmt::print("{}\n", problem);
  if (!problems.empty()) return 1;
  fmt::print("No problems found: the model matches the migrations.\n");
  return 0;
}

}  // namespace dbmigrate::cli
