// init, migrate, revision, merge: the commands that write migration files.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/folder_lock.hpp"
#include "cli/merged_snapshot.hpp"
#include "cli/project.hpp"
#include "cli/schema_conflict.hpp"
#include "cli/script_text.hpp"
#include "cli/sources.hpp"
#include "dbmigrate/diff.hpp"
#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot_json.hpp"
#include "diff/printable_line.hpp"

namespace dbmigrate::cli {
namespace {

std::string model_source(const CommonOptions& options, const Project& project) {
  if (!options.model.empty()) return options.model;
  if (!project.settings().model.empty()) return project.settings().model;
  throw Error(ErrorKind::usage, "no model to compare with: pass --model <snapshot tool | .json | .sql>");
}

// The single head new revisions build on; schema.json must belong to it.
std::vector<std::string> parents_for_new_revision(const Project& project, const RevisionGraph& graph,
                                                  const Snapshot& head) {
  const auto& heads = graph.heads();
  if (heads.size() > 1) {
    throw Error(ErrorKind::check, fmt::format("multiple heads {}: join them first with 'dbmigrate merge -m MSG {}' (target db_merge)",
                                              fmt::join(heads, ", "), fmt::join(heads, " ")));
  }
  std::string expected = heads.empty() ? std::string() : heads.front();
  if (head.head.value_or("") != expected) {
    throw Error(ErrorKind::check,
                fmt::format("{} belongs to revision '{}' but the head revision is '{}': the snapshot and the "
                            "revisions disagree (a revision file removed, or a merge of two branches?); {} "
                            "before a new migration",
                            project.schema_path().string(), head.head.value_or(""), expected,
                            rebuild_schema_advice()));
  }
  return heads;
}

// The first line where two texts differ, as the file would show it.
std::string first_difference(std::string_view written, std::string_view read) {
  const auto at = std::mismatch(written.begin(), written.end(), read.begin(), read.end()).first;
  const auto offset = static_cast<std::size_t>(at - written.begin());
  const auto newline = offset == 0 ? std::string_view::npos : written.rfind('\n', offset - 1);
  const auto start = newline == std::string_view::npos ? 0 : newline + 1;
  return printable_line(written.substr(start, written.find('\n', start) - start));
}

// A generated revision must read back as exactly what was generated: the same header and the
// same two sections. Comments escape model text and the parser skips marker-like lines inside
// quoted text, so only SQL outside quotes (a comment line in a view body, say) can still break
// the layout; it is refused here, before any file is written.
void check_reads_back(const Revision& revision, const std::string& text) {
  const auto refuse = [&](const std::string& why) {
    throw Error(ErrorKind::input,
                fmt::format("the revision generated for this change would not read back as "
                            "generated ({}), so nothing was written: a view or trigger body, a "
                            "name or a default of the model holds text that reads as a section "
                            "marker ('-- migrate:upgrade', '-- migrate:downgrade'); change that "
                            "text in the model and run migrate again",
                            why));
  };
  Revision parsed;
  try {
    parsed = parse_revision(text, revision.path);
  } catch (const Error& error) {
    refuse(error.what());
  }
  if (parsed.upgrade_sql != revision.upgrade_sql) {
    refuse(fmt::format("its upgrade section differs at '{}'",
                       first_difference(revision.upgrade_sql, parsed.upgrade_sql)));
  }
  if (parsed.downgrade_sql != revision.downgrade_sql) {
    refuse(fmt::format("its downgrade section differs at '{}'",
                       first_difference(revision.downgrade_sql, parsed.downgrade_sql)));
  }
  if (parsed.id != revision.id || parsed.parents != revision.parents ||
      format_revision(parsed) != text) {
    refuse("its header differs");
  }
}

// Gives `revision` an id, a date and its path, writes it, then writes `snapshot` as
// schema.json at that revision. Both texts are built before either file is written, and when
// schema.json cannot be written the revision file is removed again: a revision beside a stale
// schema.json would make the next migrate repeat its changes.
void write_revision_and_snapshot(const Project& project, Revision revision, Snapshot snapshot) {
  revision.id = new_revision_id();
  revision.create_date = utc_now_string();
  revision.path = project.versions_dir() / revision_filename(revision.id, revision.message);
  snapshot.head = revision.id;
  const std::string revision_text = format_revision(revision);
  check_reads_back(revision, revision_text);
  const std::string snapshot_text = to_json(snapshot);
  write_file_atomically(revision.path, revision_text);
  try {
    write_file_atomically(project.schema_path(), snapshot_text);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(revision.path, ignored);
    throw;
  }
  fmt::print("Generating {} ... done\n", revision.path.string());
}

}  // namespace

// The dialect comes from the database the user names (--url, else DATABASE_URL), so that a
// project started against a server is written for it; SQLite without one. Only --url is
// stored as the project's database, and never with a password: dbmigrate.json is committed.
int run_init(const CommonOptions& options) {
  Settings settings;
  settings.model = options.model;
  const std::string url = named_database_url(options);
  if (!url.empty()) settings.dialect = parse_database_url(url).dialect->name();
  if (!options.url.empty() && masked_url(options.url) != options.url) {
    throw Error(ErrorKind::usage,
                fmt::format("'{}' holds a password, and dbmigrate.json is meant to be committed: "
                            "give the URL without it (libpq also reads PGPASSWORD and ~/.pgpass), "
                            "or as DATABASE_URL when a command runs",
                            masked_url(options.url)));
  }
  settings.database_url = options.url;
  Project::init(options.dir, settings);
  fmt::print("Creating directory '{}' ... done\n", options.dir);
  fmt::print("Revisions will be written for {}{}.\n", settings.dialect,
             url.empty() ? " (no database named: the default)" : fmt::format(", the dialect of {}", masked_url(url)));
  fmt::print("Please edit settings in '{}/dbmigrate.json' before proceeding.\n", options.dir);
  return 0;
}

int run_migrate(const CommonOptions& options, const std::string& message) {
  Project project(options.dir);
  const FolderLock lock(project.dir(), options.lock_timeout);
  const Snapshot head = project.head_snapshot();
  const RevisionGraph graph = project.graph();
  auto parents = parents_for_new_revision(project, graph, head);
  const Dialect& dialect = project.dialect();
  const Snapshot model = load_snapshot(model_source(options, project), dialect);

  const Operations operations = diff(head, model, dialect.capabilities().identifier_case);
  if (operations.empty()) {
    fmt::print("No changes in schema detected.\n");
    return 0;
  }
  for (const auto& operation : operations) {
    fmt::print("Detected {}\n", operation.describe());
    for (const auto& line : lint(dialect, operation)) fmt::print("  {}: {}\n", lint_label(line.level), line.text);
  }
  Snapshot target = without_rename_hints(model);
  Revision revision;
  revision.parents = parents;
  revision.message = message;
  const SqlScript upgrade = dialect.render(head, operations);
  const SqlScript downgrade = dialect.render(target, invert(operations));
  for (const auto& warning : upgrade.lock_warnings) fmt::print("  {}\n", warning);
  set_generated_sections(revision, dialect, upgrade, downgrade);
  write_revision_and_snapshot(project, std::move(revision), std::move(target));
  return 0;
}

int run_revision(const CommonOptions& options, const std::string& message) {
  Project project(options.dir);
  const FolderLock lock(project.dir(), options.lock_timeout);
  Snapshot head = project.head_snapshot();
  Revision revision;
  revision.parents = parents_for_new_revision(project, project.graph(), head);
  revision.message = message;
  write_revision_and_snapshot(project, std::move(revision), std::move(head));
  return 0;
}

int run_merge(const CommonOptions& options, const std::string& message, const std::vector<std::string>& targets) {
  Project project(options.dir);
  const FolderLock lock(project.dir(), options.lock_timeout);
  const RevisionGraph graph = project.graph();
  std::vector<std::string> parents;
  for (const auto& target : targets) {
    if (target == "heads") {
      parents.insert(parents.end(), graph.heads().begin(), graph.heads().end());
    } else {
      parents.push_back(graph.find(target).id);
    }
  }
  std::sort(parents.begin(), parents.end());
  parents.erase(std::unique(parents.begin(), parents.end()), parents.end());
  if (parents.size() < 2) {
    throw Error(ErrorKind::usage, "merge joins two or more revisions: name them, or 'heads'");
  }
  // Read before anything is written: an unreadable or stale schema.json leaves no revision behind.
  Snapshot head = merged_snapshot(project, graph, parents);
  Revision revision;
  revision.parents = parents;
  revision.message = message;
  write_revision_and_snapshot(project, std::move(revision), std::move(head));
  return 0;
}

}  // namespace dbmigrate::cli
