// What the runner needs of a database connection, whatever the database (docs/cli.md, "What a
// run guarantees"). The runner (plan, checksums, version and history tables, reporting) is the
// same for every dialect; a session owns the connection and does what only its database knows:
// the statement loop, transactions and the run lock, foreign keys around a revision, backups
// and progress. SQLite's is open_sqlite_session() (dbmigrate/sqlite_session.hpp).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/revision.hpp"
#include "dbmigrate/runner.hpp"
#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {

// One section of one revision, as the runner hands it to the session.
struct SectionRun {
  const Revision& revision;
  std::string_view direction;  // "upgrade" or "downgrade"
  const std::string& sql;      // the section's text
  int first_line = 0;          // its first line in the file; 0 when not read from a file
  // The tables the section rebuilds (its `Rebuilds` headers), when the revision says which
  // (written with `-- Dialect:`); nullopt for an older or hand-written file.
  std::optional<std::vector<std::string>> rebuilt;
  // The section's `Transaction: none` header: no transaction is open, each statement commits
  // as it ends, and a failure cannot undo the statements before it.
  bool outside_transaction = false;
};

// The header line that runs the section outside a transaction: "Upgrade Transaction: none".
inline std::string transaction_none_header(const SectionRun& section) {
  return section.direction == "upgrade" ? "Upgrade Transaction: none"
                                        : "Downgrade Transaction: none";
}

// The advice for a statement the database (`database`: "SQLite", "PostgreSQL") runs only
// outside a transaction, met in a section that runs inside one.
inline std::string transaction_none_advice(const SectionRun& section, std::string_view database) {
  return std::string(database) +
         " runs this statement only outside a transaction: add the header line '-- " +
         transaction_none_header(section) + "' above '-- migrate:upgrade' in the revision file, " +
         "so that its " + std::string(section.direction) +
         " section runs statement by statement, each committed on its own";
}

// What a failed section leaves behind, for the end of its error message: its revision rolled
// back, or, for a section run outside a transaction, the statements before the failing one
// still applied and the revision not recorded.
inline std::string failed_section_outcome(const SectionRun& section) {
  const std::string revision = std::string(section.direction) + " " + section.revision.id;
  if (!section.outside_transaction) {
    return revision + " was rolled back and the version table left as it was";
  }
  const std::string header = transaction_none_header(section);
  return "the section runs outside a transaction ('-- " + header +
         "'), so the statements before this one in it stay applied: nothing can roll them back; " +
         revision + " is not recorded in the version table";
}

// What a live table holds, by name, for the check before a rebuild.
struct LiveTable {
  std::vector<std::string> columns;   // in table order
  std::vector<std::string> indexes;   // made by CREATE INDEX (not those a key makes), sorted
  std::vector<std::string> triggers;  // sorted
};

using Row = std::vector<std::optional<std::string>>;  // a NULL is nullopt

class Session {
 public:
  virtual ~Session() = default;

  // The dialect's name ("sqlite"), as a revision's `-- Dialect:` header spells it.
  [[nodiscard]] virtual std::string dialect() const = 0;
  // The database as messages name it (its path or URL, without a password).
  [[nodiscard]] virtual const std::string& database() const = 0;
  [[nodiscard]] virtual std::string quote_identifier(std::string_view name) const = 0;
  // How the history table declares its `id`: a key the database numbers itself on INSERT.
  [[nodiscard]] virtual std::string history_id_column() const { return "INTEGER PRIMARY KEY"; }
  // A string value as an SQL literal of the dialect.
  [[nodiscard]] virtual std::string quote_literal(std::string_view value) const = 0;
  // How the dialect compares names (its Dialect's capabilities().identifier_case).
  [[nodiscard]] virtual IdentifierCase identifier_case() const = 0;

  // The schema of the database, as the dialect inspects it (DbMigrate's tables left out).
  [[nodiscard]] virtual Snapshot inspect() = 0;
  // A fingerprint of the schema as the database stores its definitions, for a cheap test of
  // "unchanged" within one process: equal fingerprints are the same schema (unequal ones may
  // still be equivalent, which only inspect() tells). Empty when the dialect has no such cheap
  // form; callers then inspect.
  [[nodiscard]] virtual std::string schema_fingerprint() { return {}; }

  // Plain statements: the version and history tables. Errors are Error(database).
  virtual void execute(std::string_view sql) = 0;
  [[nodiscard]] virtual std::vector<Row> query(std::string_view sql) = 0;
  [[nodiscard]] virtual bool table_exists(std::string_view name) = 0;
  // The live table's names; all empty when there is no such table.
  [[nodiscard]] virtual LiveTable live_table(std::string_view name) = 0;

  // A revision's transaction, holding the run lock until it ends: no other run writes
  // meanwhile. Waits for another run's lock up to RunnerOptions::lock_timeout.
  virtual void begin_locked() = 0;
  // A transaction that only reads, so that what several reads see agrees.
  virtual void begin_read() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
  // Runs one public operation of the runner. An Error it throws because another run held the
  // lock past the timeout becomes Error(database) saying so, naming the database and how to
  // raise the timeout.
  virtual void with_lock_wait(const std::function<void()>& operation) = 0;

  // Foreign-key enforcement off for the next transaction (begun after this call; SQLite
  // ignores the switch inside one), back as it was on restore_foreign_keys(), called after
  // that transaction ended.
  virtual void suspend_foreign_keys() = 0;
  virtual void restore_foreign_keys() noexcept = 0;
  // After each section, before commit: throws Error(database) naming the revision and the
  // first row that refers to a missing one (rows a section wrote with enforcement off).
  virtual void check_foreign_keys(const Revision& revision, std::string_view direction) = 0;

  // Inside a revision's transaction, under the lock: a copy of the database as the last commit
  // left it, before a destructive revision. Its path; empty when there is nothing to copy (an
  // in-memory database). Throws Error(input) naming the copy when it cannot be written.
  virtual std::filesystem::path back_up() = 0;

  // Runs the section's statements in order, inside the current transaction. A failing one
  // throws Error naming the file and line (from first_line), the statement and the database's
  // message; the caller then rolls back. Reports progress to `reporter` when it wants_progress().
  // With section.outside_transaction no transaction is open (the run lock is held where the
  // database keeps one across transactions): each statement commits on its own, and the
  // message says what failed_section_outcome() says.
  virtual void run_section(const SectionRun& section, Reporter& reporter) = 0;
};

}  // namespace dbmigrate
