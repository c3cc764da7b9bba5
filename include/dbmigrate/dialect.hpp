// What every dialect offers (docs/architecture.md, "The dialect seam"): render operations to SQL,
// read schemas (a live database, a .sql file), put SQL text in its canonical form, map types,
// say how it names things and what it can do. The engine asks a Dialect; it never assumes.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/operations.hpp"
#include "dbmigrate/snapshot.hpp"
#include "dbmigrate/sql_fragments.hpp"

namespace dbmigrate {

class Session;         // dbmigrate/session.hpp
struct RunnerOptions;  // dbmigrate/runner.hpp

struct SqlStatement {
  std::string sql;  // one statement, with its terminating ';'
  // Notes to print above it (a warning, what a rebuild does), one comment line each. Plain
  // text: whoever prints them makes each one line (model text in them may hold newlines).
  std::vector<std::string> comments;
};

struct SqlScript {
  std::vector<SqlStatement> statements;
  // The script rebuilds tables: foreign-key enforcement must be off around its transaction
  // and `PRAGMA foreign_key_check` clean before commit.
  bool needs_foreign_keys_off = false;
  // The script can lose data (a statement carries a "WARNING: ..." comment): the runner backs
  // the database up before it runs.
  bool destructive = false;
  // The tables the script rebuilds, each as it stands before the script runs (under its name
  // then; a table the script creates itself is left out), in the order first rebuilt. A rebuild
  // keeps these names only: the runner refuses one whose live table has more.
  std::vector<TableShape> rebuilt;
  // What a reviewer should know before the script runs on a busy database (a statement that
  // locks a table while it rewrites or scans it, with the safer recipe). Each is also a comment
  // of its statement; `migrate` and `check` print them.
  std::vector<std::string> lock_warnings;
};

// Which changes a dialect makes with one statement of its own (otherwise it renders them as a
// table rebuild, or cannot make them at all).
struct NativeAlter {
  bool add_column = true;
  bool drop_column = true;
  bool rename_column = true;
  bool rename_table = true;
  bool alter_column_type = true;
  bool alter_nullability = true;
  bool alter_default = true;
  bool add_constraint = true;  // a foreign key, unique or CHECK constraint on an existing table
  bool drop_constraint = true;
};

struct DialectCapabilities {
  // DDL takes part in transactions, so that a failed revision rolls back whole.
  bool transactional_ddl = true;
  // A table rebuild must run with foreign-key enforcement off around its transaction.
  bool rebuild_needs_foreign_keys_off = false;
  // Names compare exactly ("Users" and users are two tables), not ignoring ASCII case.
  IdentifierCase identifier_case = IdentifierCase::ascii_insensitive;
  // The longest name the dialect keeps, in bytes; 0 for no limit.
  std::size_t max_identifier_length = 0;
  // A declared length or precision (varchar(20), numeric(5,2)) is enforced, so that narrowing
  // it cuts or refuses values. SQLite keeps every value whatever the declared size.
  bool enforces_declared_size = true;
  NativeAlter alter;
};

// How a dialect stores a CREATE VIEW / CREATE TRIGGER statement (the canonical text of a view's
// or trigger's `sql` in a snapshot) and what it creates.
struct StoredStatement {
  std::string sql;      // the statement as the dialect keeps it, no trailing ';'
  std::string name;     // the name the statement creates
  std::string table;    // a trigger's table, as the statement spells it
  std::string problem;  // why the text is not a CREATE <kind> statement; empty when it is
};

class Dialect {
 public:
  virtual ~Dialect() = default;

  // "sqlite": the value of dbmigrate.json's `dialect` and of a revision's `-- Dialect:` header.
  [[nodiscard]] virtual std::string name() const = 0;
  [[nodiscard]] virtual DialectCapabilities capabilities() const = 0;

  // ---- Names
  [[nodiscard]] virtual std::string quote_identifier(std::string_view name) const = 0;
  // A string value as an SQL literal.
  [[nodiscard]] virtual std::string quote_literal(std::string_view value) const = 0;
  // Whether two names name the same thing, by the dialect's rule (capabilities().identifier_case).
  [[nodiscard]] bool same_name(std::string_view a, std::string_view b) const {
    return same_identifier(a, b, capabilities().identifier_case);
  }

  // ---- Databases
  // The dialect's own form of a database URL of one of its schemes, or of a bare path (SQLite:
  // a file path or an SQLite URI). Throws Error(input) for a malformed one, never echoing a
  // password.
  [[nodiscard]] virtual std::string database_location(const std::string& url) const = 0;
  // Whether a database exists at `location` (a file dialect: the file; a server: true).
  [[nodiscard]] virtual bool database_exists(const std::string& location) const = 0;
  // The schema of the database at `location`, read without changing it. DbMigrate's own tables
  // are left out.
  [[nodiscard]] virtual Snapshot inspect(const std::string& location) const = 0;
  // A session on the database at `location` for the runner (creating the database if the
  // dialect does and options allow). Throws Error(database) naming it when it cannot be opened.
  [[nodiscard]] virtual std::unique_ptr<Session> open_session(
      const std::string& location, const RunnerOptions& options) const = 0;
  // A location for a private, empty, throw-away database (check's and merge's replays): SQLite's
  // `:memory:`.
  [[nodiscard]] virtual std::string scratch_location() const = 0;

  // ---- Schemas as SQL
  // Runs a .sql schema file on a scratch database and inspects it; `origin` names the file in
  // messages, with the line of the statement at fault.
  [[nodiscard]] virtual Snapshot read_schema_file(std::string_view sql,
                                                  std::string_view origin) const = 0;
  // `from` is the schema the operations start from; the renderer follows it as it goes.
  [[nodiscard]] virtual SqlScript render(const Snapshot& from,
                                         const Operations& operations) const = 0;

  // ---- Canonical text
  // An SQL expression of a table with these columns (CHECK, partial-index WHERE, expression
  // key, generated column) in the one spelling a model, a .sql file and a live database give.
  [[nodiscard]] virtual std::string normalize_expression(
      std::string_view sql, const std::vector<std::string>& columns) const = 0;
  // A column's server default, ready to follow DEFAULT.
  [[nodiscard]] virtual std::string normalize_default(std::string_view sql) const = 0;
  // `kind` is "VIEW" or "TRIGGER".
  [[nodiscard]] virtual StoredStatement stored_statement(std::string_view kind,
                                                         std::string_view sql) const = 0;
  // A collation's name as the dialect compares it (SQLite: ignoring ASCII case, so NOCASE).
  [[nodiscard]] virtual std::string normalize_collation(std::string_view name) const {
    return std::string(name);
  }
  // Last step of canonicalize_sql_text(), after the per-fragment normalizers: a dialect whose
  // database keeps no SQL text of its own but prints it back from its parse tree (PostgreSQL)
  // puts the whole snapshot's text in the form the database prints, which depends on the
  // columns' types. Nothing by default.
  virtual void canonicalize_snapshot(Snapshot& /*snapshot*/) const {}
  // Whether each SQL fragment of a snapshot is one thing of its kind (see sql_fragments.hpp).
  [[nodiscard]] virtual const SqlFragmentCheck& fragment_check() const = 0;
  // What the dialect refuses in a schema that is valid as data: each SQL fragment tried against
  // its table, then the whole schema created, on a scratch database. One message a problem,
  // naming the table; none when the dialect would create the schema.
  [[nodiscard]] virtual std::vector<std::string> refusals(const Snapshot& schema) const = 0;

  // ---- Types (docs/types.md)
  [[nodiscard]] virtual std::string portable_type(std::string_view declared) const = 0;
  [[nodiscard]] virtual std::string declared_type(std::string_view portable) const = 0;
};

// What a reviewer must know of one operation on a dialect, one line each: a warning (it can lose
// data; the runner backs a file database up first), a caution (it can fail on the rows already
// there), a note (what the database does where the change reads as if it did more).
struct Lint {
  enum class Level { warning, caution, note };
  Level level;
  std::string text;
};
// "WARNING", "CAUTION", "NOTE": the word migrate prints and a revision's comment starts with.
[[nodiscard]] std::string_view lint_label(Lint::Level level);
// At most one line of each level, the same risk never twice.
[[nodiscard]] std::vector<Lint> lint(const Dialect& dialect, const Operation& operation);

// Every SQL fragment of `snapshot` (defaults, expressions, collations, views, triggers) in the
// dialect's canonical text. Each source of snapshots (a model, a .json snapshot, schema.json, a
// .sql file, a live database) ends with it, so that text equal to the dialect compares equal.
// Idempotent: a snapshot already in canonical text comes back unchanged.
void canonicalize_sql_text(Snapshot& snapshot, const Dialect& dialect);

}  // namespace dbmigrate
