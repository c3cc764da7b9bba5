// dbmigrate: the command line. Parses arguments with CLI11, runs one command, and maps
// errors to exit codes: 0 success, 1 a check or migration failed, 2 bad usage or input, 3 a fault
// of DbMigrate itself (cli/exit_status.hpp).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "cli/commands.hpp"
#include "cli/exit_status.hpp"
#include "cli/target_environment.hpp"
#include "cli/unknown_argument.hpp"
#include "dbmigrate/error.hpp"

using namespace dbmigrate;
using namespace dbmigrate::cli;

namespace {

void add_common_options(CLI::App& app, CommonOptions& options) {
  app.add_option("--dir", options.dir, "migrations folder")->capture_default_str();
  app.add_option("--url", options.url,
                 "database URL (default: $DATABASE_URL, then the project setting)");
  app.add_option("--model", options.model,
                 "current model: snapshot tool, .json snapshot or .sql schema");
  app.add_option_function<double>(
         "--lock-timeout",
         [&options](double seconds) {
           options.lock_timeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
         },
         "seconds to wait for another run's lock on the database or the migrations folder (default "
         "30)")
      ->check(CLI::Range(0.0, 86400.0));
  // Checked as soon as it is read, before anything else can fail: a target whose required
  // parameter is misspelt is told so rather than that the parameter is missing.
  app.add_option_function<std::string>(
         "--from-target",
         [](const std::string& target) {
           for (const auto& name : check_target_environment(target, process_environment())) {
             fmt::print(stderr, "{}: {} is set in the environment; the targets do not read it\n",
                        target, name);
           }
         },
         "run by the CMake target TARGET: fail when a variable in the environment is a "
         "misspelt build-time parameter of the targets, such as DB_TARGTE (docs/cmake.md)")
      ->trigger_on_parse();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dbmigrate: schema migrations for C++ projects (the Flask-Migrate workflow)",
               "dbmigrate"};
  app.set_version_flag("--version", std::string("dbmigrate ") + DBMIGRATE_VERSION);
  app.require_subcommand(1);
  CommonOptions options;
  add_common_options(app, options);

  std::string message, revision, from, to, source;
  std::vector<std::string> merged;
  bool sql = false;
  bool exit_code = false;
  RunOptions run;
  ListOptions list;
  auto* init = app.add_subcommand("init", "create the migrations folder");
  auto* migrate = app.add_subcommand("migrate", "autogenerate a revision from the model's changes");
  migrate->add_option("-m,--message", message, "what the revision does")->required();
  auto* revision_cmd = app.add_subcommand("revision", "create an empty revision to fill by hand");
  revision_cmd->add_option("-m,--message", message, "what the revision does")->required();
  auto* upgrade = app.add_subcommand("upgrade", "apply revisions up to TARGET (default: head)");
  upgrade->add_option("target", run.target,
                      "head, heads, a revision (prefix), +N, or <rev>+N / <rev>-N where <rev> is a "
                      "revision, head or base");
  upgrade->add_flag("--sql", run.sql, "print the SQL instead of running it");
  upgrade->add_flag("--allow-changed", run.allow_changed,
                    "apply even if an applied revision's file changed");
  upgrade->add_flag(
      "--drop-unknown", run.drop_unknown,
      "let a table rebuild drop the columns, indexes and triggers added by hand that the revision "
      "does not know (the database is backed up first)");
  auto* downgrade =
      app.add_subcommand("downgrade", "revert revisions down to TARGET (default: -1)");
  downgrade->add_option("target", run.target,
                        "-N, base, a revision (prefix), or <rev>-N / <rev>+N where <rev> is a "
                        "revision, head or base; with --sql also FROM:TO");
  downgrade->add_flag("--sql", run.sql, "print the SQL instead of running it");
  downgrade->add_flag("--allow-changed", run.allow_changed,
                      "revert even if an applied revision's file changed");
  downgrade->add_flag(
      "--drop-unknown", run.drop_unknown,
      "let a table rebuild drop the columns, indexes and triggers added by hand that the revision "
      "does not know (the database is backed up first)");
  auto* stamp = app.add_subcommand("stamp", "set the database's revision without running any SQL");
  stamp->add_option("revision", run.target,
                    "a revision (prefix), head, heads, base, or <rev>+N / <rev>-N (e.g. head-1)")
      ->required();
  auto* current = app.add_subcommand("current", "show the database's current revision(s)");
  current->add_flag("-v,--verbose", list.verbose, "show each revision's parents, file and date");
  auto* merge = app.add_subcommand("merge", "create a revision joining several heads");
  merge->add_option("-m,--message", message, "what the merge does")->required();
  merge->add_option("revisions", merged, "revisions to join, or 'heads'")->required();
  auto* branches = app.add_subcommand(
      "branches", "show the revisions that several revisions revise, and those revisions");
  branches->add_flag("-v,--verbose", list.verbose, "show each branch point's details");
  auto* check =
      app.add_subcommand("check", "fail while migrations are pending or the revisions are broken");
  auto* heads = app.add_subcommand("heads", "show the head revisions (those nothing revises)");
  heads->add_flag("-v,--verbose", list.verbose, "show each head's parents, file and date");
  auto* history = app.add_subcommand(
      "history", "list the revisions, newest first; given a database (--url), mark its current revision");
  history->add_option("-r,--rev-range", list.range,
                      "only START:END, both included: each side a revision, head, heads, base or "
                      "current (needs the database), <rev>+N / <rev>-N, or empty; START may be "
                      "-N (N below END), END +N (N above START); e.g. base:head, -3:, ae10:");
  history->add_flag("-v,--verbose", list.verbose, "show each revision's parents, file and date");
  history->add_flag("-i,--indicate-current", list.indicate_current,
                    "mark the current revision of the project's database too (without --url)");
  auto* show = app.add_subcommand("show", "print a revision's file");
  show->add_option("revision", revision,
                   "a revision id or unique prefix, head, heads, base (the first revisions), or "
                   "<rev>+N / <rev>-N (e.g. head-1, base+2)")
      ->required();
  std::string format = "json";
  auto* snapshot = app.add_subcommand(
      "snapshot", "print a snapshot source as canonical JSON, or as a diagram of its tables");
  snapshot
      ->add_option("source", source,
                   "snapshot tool, .sql, .json, database URL or git:<rev>[:<path>]")
      ->required();
  snapshot
      ->add_option("--format", format,
                   "json (the snapshot), mermaid (an erDiagram for Markdown) or dot (Graphviz: "
                   "pipe to 'dot -Tsvg')")
      ->check(CLI::IsMember({"json", "mermaid", "dot"}))
      ->capture_default_str();
  auto* diff = app.add_subcommand("diff", "print the operations between two snapshot sources");
  diff->add_option("from", from, "snapshot source")->required();
  diff->add_option("to", to, "snapshot source")->required();
  diff->add_flag("--sql", sql, "print the SQLite SQL instead");
  diff->add_flag("--exit-code", exit_code,
                 "exit 1 when the two sides differ, 0 when they are equal (2 on an error)");
  auto* remove = app.add_subcommand(
      "remove",
      "remove the newest revision, if no database has it, and restore schema.json to its parent: "
      "undo a migrate or revision (refused while the database given, or the project's, has it)");
  auto* rebuild_schema = app.add_subcommand(
      "rebuild-schema",
      "write schema.json again by replaying the revisions, when it is lost, stale or left in conflict");
  for (auto* command : app.get_subcommands({})) {
    command->fallthrough();  // the common options are accepted after the command too
    command->footer(
        "Common options, before or after the command: --dir DIR, --url URL, --model SOURCE, "
        "--lock-timeout SECONDS "
        "(see 'dbmigrate --help')");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (auto message = unknown_argument_message(app)) {
      print_error(*message);
      return 2;
    }
    int code = app.exit(error);
    return code == 0 ? 0 : 2;
  } catch (const Error& error) {
    print_error(error.what());  // a misspelt parameter of a CMake target
    return 2;
  }
  try {
    if (*init) return run_init(options);
    if (*migrate) return run_migrate(options, message);
    if (*revision_cmd) return run_revision(options, message);
    if (*upgrade) return run_upgrade(options, run);
    if (*downgrade) return run_downgrade(options, run);
    if (*stamp) return run_stamp(options, run);
    if (*current) return run_current(options, list);
    if (*merge) return run_merge(options, message, merged);
    if (*branches) return run_branches(options, list);
    if (*check) return run_check(options);
    if (*heads) return run_heads(options, list);
    if (*history) return run_history(options, list);
    if (*show) return run_show(options, revision);
    if (*snapshot) return run_snapshot(source, format);
    if (*diff) return run_diff(from, to, sql, exit_code);
    if (*remove) return run_remove(options);
    if (*rebuild_schema) return run_rebuild_schema(options);
  } catch (const std::exception& error) {
    const int code = report_failure(error);
    return *diff && code == 1 ? 2 : code;  // 1 means "different" to `diff --exit-code`
  } catch (...) {
    return report_unknown_failure();
  }
  return 2;
}
