// upgrade, downgrade, stamp, current: the commands that run against a database.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "cli/backup_retention.hpp"
#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/folder_lock.hpp"
#include "cli/project.hpp"
#include "cli/revision_entry.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/runner.hpp"
#include "dbmigrate/session.hpp"

namespace dbmigrate::cli {
namespace {

class PrintingReporter final : public Reporter {
 public:
  explicit PrintingReporter(int keep_backups) : keep_backups_(keep_backups) {}
  void running(const Revision& revision, std::string_view direction) override {
    fmt::print("{}\n", running_message(revision, direction));
    std::fflush(stdout);
  }
  void backup_written(const std::filesystem::path& backup) override {
    fmt::print("Backed up the database to {}\n", backup.string());
    for (const auto& old : remove_old_backups(backup, keep_backups_)) {
      fmt::print(
          "Removed the old backup {} (keeping the newest {}: keep_backups in dbmigrate.json)\n",
          old.string(), keep_backups_);
    }
  }
  void progress(const Revision& revision, std::string_view statement,
                std::chrono::seconds elapsed) override {
    fmt::print(stderr, "  {} still running after {} s: {}\n", revision.id, elapsed.count(),
               statement);
  }
  [[nodiscard]] bool wants_progress() const override { return isatty(STDERR_FILENO) != 0; }

 private:
  int keep_backups_;
};

// Opening problems are bad input (exit 2); what goes wrong afterwards is a failed migration.
Runner open_runner(const Project& project, const std::string& path, const CommonOptions& common,
                   const RunOptions& run) {
  const Dialect& dialect = project.dialect();
  RunnerOptions options;
  options.statement_lock_timeout = project.settings().lock_timeout;
  options.statement_timeout = project.settings().statement_timeout;
  options.timeouts_setting = project.settings_path().string();
  options.allow_changed = run.allow_changed;
  options.drop_unknown = run.drop_unknown;
  options.lock_timeout = common.lock_timeout;
  options.lock_timeout_setting = lock_timeout_setting;
  try {
    return Runner(dialect.open_session(path, options), options);
  } catch (const Error& error) {
    throw Error(ErrorKind::input, error.what());
  }
}

using Plan = std::vector<std::string> (*)(const RevisionGraph&, const std::vector<std::string>&,
                                          std::string_view);
void check_target(const Dialect& dialect, const RevisionGraph& graph, const std::string& path,
                  const std::string& target, Plan plan) {
  std::vector<std::string> heads;
  try {
    heads = read_current_heads(dialect, path);
  } catch (const Error&) {
    return;  // opening the runner reports what is wrong with the database
  }
  (void)plan(graph, heads, target);
}

void print_heads(const RevisionGraph& graph, const std::vector<std::string>& heads) {
  if (heads.empty()) fmt::print("(base: no revision applied)\n");
  for (const auto& id : heads) {
    const bool head =
        std::find(graph.heads().begin(), graph.heads().end(), id) != graph.heads().end();
    std::string message =
        graph.contains(id) ? graph.at(id).message : std::string("(no revision file)");
    fmt::print("{}{}, {}\n", id, head ? " (head)" : "", message);
  }
}

// An upgrade or a downgrade on the database the options name, printing as it goes.
using Run = std::vector<std::string> (Runner::*)(const RevisionGraph&, std::string_view, Reporter&);
int run_revisions(const CommonOptions& options, const Project& project, const RunOptions& run,
                  const std::string& target, Plan plan, Run apply) {
  const std::string path = database_path(options, project);
  PrintingReporter reporter(project.settings().keep_backups);
  // Errors in the revision files come before the database's.
  const RevisionGraph graph = project.graph();
  // A target that names nothing must not leave a new database file behind: it is checked before
  // opening creates one (an SQLite URI may create one too, but is not a path to look at).
  if (!path.starts_with("file:") && !std::filesystem::exists(path)) {
    check_target(project.dialect(), graph, path, target, plan);
  }
  Runner runner = open_runner(project, path, options, run);
  (void)(runner.*apply)(graph, target, reporter);
  return 0;
}

// --sql writes a script for the sqlite3 shell: for a project of another dialect it would be a
// script its database cannot run.
void refuse_sql_script(const Project& project) {
  if (project.dialect().name() == "sqlite") return;
  throw Error(ErrorKind::usage,
              fmt::format("--sql writes a script for the sqlite3 shell, and this project's dialect "
                          "is {} (\"dialect\" in {}/dbmigrate.json): run upgrade or downgrade "
                          "against the database instead, or read the revisions' SQL in {}",
                          project.dialect().name(), project.dir().string(),
                          project.versions_dir().string()));
}

}  // namespace

int run_upgrade(const CommonOptions& options, const RunOptions& run) {
  Project project(options.dir);
  const std::string target = run.target.empty() ? "head" : run.target;
  if (run.sql) {
    refuse_sql_script(project);
    const RevisionGraph graph = project.graph();
    auto path = optional_database_path(options, project);
    fmt::print("{}", render_upgrade_sql(graph,
                                        path ? read_current_heads(project.dialect(), *path)
                                             : std::vector<std::string>{},
                                        target));
    return 0;
  }
  return run_revisions(options, project, run, target, upgrade_plan, &Runner::upgrade);
}

int run_downgrade(const CommonOptions& options, const RunOptions& run) {
  Project project(options.dir);
  std::string target = run.target.empty() ? "-1" : run.target;
  if (run.sql) {
    refuse_sql_script(project);
    const RevisionGraph graph = project.graph();
    std::vector<std::string> heads;
    if (auto colon = target.find(':'); colon != std::string::npos) {
      heads = {graph.find(target.substr(0, colon)).id};  // FROM:TO, no database needed
      target = target.substr(colon + 1);
    } else if (auto path = optional_database_path(options, project)) {
      heads = read_current_heads(project.dialect(), *path);
    } else {
      throw Error(ErrorKind::usage,
                  "downgrade --sql needs a database to start from, or FROM:TO as the target");
    }
    fmt::print("{}", render_downgrade_sql(graph, heads, target));
    return 0;
  }
  return run_revisions(options, project, run, target, downgrade_plan, &Runner::downgrade);
}

int run_stamp(const CommonOptions& options, const RunOptions& run) {
  Project project(options.dir);
  const RevisionGraph graph = project.graph();
  const std::string path = database_path(options, project);
  // A name that denotes nothing leaves no new database file behind.
  std::string target = run.target;
  if (target != "base" && target != "heads")
    target = named_revisions(graph, target, "stamp").front();
  Runner runner = open_runner(project, path, options, run);
  auto heads = runner.stamp(graph, target);
  fmt::print("Stamped the database at {}\n",
             heads.empty() ? std::string("base") : fmt::format("{}", fmt::join(heads, ", ")));
  return 0;
}

int run_current(const CommonOptions& options, const ListOptions& list) {
  Project project(options.dir);
  const std::string path = database_path(options, project);
  const RevisionGraph graph = project.graph();  // its errors come before the database's
  const auto heads = read_current_heads(project.dialect(), path);
  if (!list.verbose) {
    print_heads(graph, heads);
    return 0;
  }
  fmt::print("Current revision(s) of {}:\n", path);
  if (heads.empty()) fmt::print("(base: no revision applied)\n");
  for (const auto& id : heads) {
    if (graph.contains(id)) {
      fmt::print("{}", verbose_entry(graph, graph.at(id)));
    } else {
      fmt::print("Rev: {}\n    (no revision file)\n\n", id);
    }
  }
  return 0;
}

}  // namespace dbmigrate::cli
