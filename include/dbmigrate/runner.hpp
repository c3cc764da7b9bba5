// The runner stage: applies revisions to a database through its dialect's Session
// (dbmigrate/session.hpp; docs/cli.md, "What a run guarantees").
//
// One transaction per revision (holding the lock between concurrent runners: `BEGIN IMMEDIATE`
// on SQLite), a version table holding the current head(s), a history table recording every
// revision applied, reverted or stamped, a backup before the first destructive revision of a
// run, and foreign-key enforcement switched off around table rebuilds.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/revision.hpp"

namespace dbmigrate {

struct RunnerOptions {
  // How long `BEGIN IMMEDIATE` waits for another run to finish before failing.
  std::chrono::milliseconds lock_timeout{30000};
  // How the user raises lock_timeout, named when the wait gives up (the command line's option).
  std::string lock_timeout_setting = "the lock timeout";
  // Upgrade even though an applied revision's file changed since it was applied.
  bool allow_changed = false;
  // Let a table rebuild drop the columns (with their data), indexes and triggers that the live
  // table has and the revision does not know of (added by hand); otherwise such a revision is
  // refused before it runs. The database is backed up first.
  bool drop_unknown = false;
  // Only read (check): the database may be read-only (a file, a folder or a URL's mode=ro).
  bool read_only = false;
  // Compare applied revisions' files with the checksums recorded when they were applied. Off
  // only for a private replay (check's scratch database), whose every revision came from the
  // files it runs: there is nothing to compare, and reading the history back on every run would
  // make a replay of N revisions cost N^2.
  bool compare_checksums = true;
  // A revision running longer than `progress_after` reports progress, at most once per
  // `progress_interval` (only to a reporter that wants_progress()).
  std::chrono::milliseconds progress_after{2000};
  std::chrono::milliseconds progress_interval{1000};
  // PostgreSQL's lock_timeout and statement_timeout for each revision's statements (SET LOCAL
  // in its transaction; SET, then RESET, around a section run outside one); nullopt leaves the
  // server's own, 0 is no limit. SQLite has neither and ignores them. A statement that exceeds
  // one fails naming it and `timeouts_setting`, where it is set.
  std::optional<std::chrono::milliseconds> statement_lock_timeout;
  std::optional<std::chrono::milliseconds> statement_timeout;
  std::string timeouts_setting = "the runner's options";
};

// One row of the history table.
struct HistoryEntry {
  std::int64_t id = 0;
  std::string revision;
  std::string checksum;    // SHA-256 of the revision file, lower-case hex
  std::string direction;   // "upgrade", "downgrade" or "stamp"
  std::string applied_at;  // "2026-11-24 10:00:00+00:00"
  std::int64_t duration_ms = 0;

  friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};

// What a run tells its user; the command line prints it, tests record it.
class Reporter {
 public:
  virtual ~Reporter() = default;
  // Before each revision; `direction` is "upgrade" or "downgrade".
  virtual void running(const Revision& revision, std::string_view direction) = 0;
  virtual void backup_written(const std::filesystem::path& backup) = 0;
  // The statement still running (its first line) after `elapsed`.
  virtual void progress(const Revision& revision, std::string_view statement,
                        std::chrono::seconds elapsed) = 0;
  // Progress reports cost a callback every few thousand SQLite instructions: only on request
  // (the command line asks when stderr is a terminal).
  [[nodiscard]] virtual bool wants_progress() const { return false; }
};

// "Running upgrade 1a2b -> 3f2a, add users table" / "Running downgrade 3f2a -> 1a2b, ...",
// as Alembic prints it; a base revision has nothing left of the arrow (or right, downgrading).
[[nodiscard]] std::string running_message(const Revision& revision, std::string_view direction);

// `upgrade --sql` / `downgrade --sql`: the script a run from `current_heads` to `target` would
// execute, version and history statements included, for review or for a DBA to run with the
// sqlite3 shell. Touches no database. The history rows record a duration of 0. Refuses with
// Error(input) a planned revision generated for another dialect than SQLite.
[[nodiscard]] std::string render_upgrade_sql(const RevisionGraph& graph,
                                             const std::vector<std::string>& current_heads,
                                             std::string_view target);
[[nodiscard]] std::string render_downgrade_sql(const RevisionGraph& graph,
                                               const std::vector<std::string>& current_heads,
                                               std::string_view target);

class Session;

class Runner {
 public:
  // Runs over an open session (for SQLite: open_sqlite_session(), or open_sqlite_runner() for
  // both at once, in dbmigrate/sqlite_session.hpp).
  explicit Runner(std::unique_ptr<Session> session, RunnerOptions options = {});
  Runner(Runner&&) noexcept;
  Runner& operator=(Runner&&) noexcept;
  ~Runner();

  // What the version table holds, sorted; empty for a new database.
  [[nodiscard]] std::vector<std::string> current_heads();
  // The history table, oldest first.
  [[nodiscard]] std::vector<HistoryEntry> history();
  // The database's schema as it stands (what a replay of revisions built, for instance).
  [[nodiscard]] Snapshot schema();
  // Session::schema_fingerprint(): equal fingerprints, same schema; cheap beside schema().
  // Empty when the dialect has none.
  [[nodiscard]] std::string schema_fingerprint();

  // Applies the revisions `target` names (see upgrade_plan), each in its own transaction;
  // returns the heads afterwards. Refuses with Error(input) before anything runs when a planned
  // revision was generated for another dialect (`-- Dialect:`), with Error(check) when an
  // applied revision's file changed (unless allow_changed); a failing statement throws
  // Error(database) naming the file and line, after rolling back its revision (earlier revisions of
  // the run stay applied).
  std::vector<std::string> upgrade(const RevisionGraph& graph, std::string_view target,
                                   Reporter& reporter);
  // Reverts revisions down to `target` (see downgrade_plan); otherwise as upgrade().
  std::vector<std::string> downgrade(const RevisionGraph& graph, std::string_view target,
                                     Reporter& reporter);
  // Sets the version table without running any revision SQL: `base` empties it, `heads` sets
  // every head, otherwise the named revision replaces the heads on its line of descent.
  std::vector<std::string> stamp(const RevisionGraph& graph, std::string_view target);

  // Applied revisions whose file's checksum differs from the one recorded when they were last
  // upgraded (or stamped), in graph order.
  [[nodiscard]] std::vector<std::string> changed_revisions(const RevisionGraph& graph);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dbmigrate
