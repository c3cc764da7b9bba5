// The schema as data: the value every stage of the pipeline passes along.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace dbmigrate {

// SQLite's ON CONFLICT of a NOT NULL, PRIMARY KEY or UNIQUE constraint: what a statement that
// breaks it does. ABORT, the default, is no clause at all (std::nullopt).
enum class ConflictAction { rollback, fail, ignore, replace };

// A generated column's value: GENERATED ALWAYS AS (expression) VIRTUAL, or STORED.
struct Generated {
  std::string expression;  // without the surrounding AS ( )
  bool stored = false;

  bool operator==(const Generated&) const = default;
};

// Dialect parts. What only one dialect has lives in a part of its own, one member per dialect on
// Column, UniqueConstraint and Table ("sqlite": {...} in the JSON, left out when empty), so
// that the rest of the snapshot means the same in every dialect and a dialect adds its part
// without touching another's. A dialect that cannot honour another dialect's part refuses it.

// SQLite's own options of a column.
struct SqliteColumnOptions {
  std::optional<ConflictAction> not_null_on_conflict;  // NOT NULL ON CONFLICT
  // SQLite's ANY type (a STRICT table's column that keeps values as given), which has no
  // portable type: the column's portable `type` is then empty. JSON: "type": "any".
  bool any = false;
  // The type as the source declared it (DATETIME, MEDIUMINT, UUID, varchar(255)), where that
  // is not how SQLite declares the portable type: a table created or rebuilt declares it so
  // again. JSON: "declared_type". The portable type still decides comparisons and the other
  // dialects' types; see same_sqlite_declaration().
  std::optional<std::string> declared_type;

  bool operator==(const SqliteColumnOptions&) const = default;
  [[nodiscard]] bool empty() const { return *this == SqliteColumnOptions{}; }
};

// SQLite's own options of a UNIQUE constraint.
struct SqliteUniqueOptions {
  std::optional<ConflictAction> on_conflict;  // UNIQUE ... ON CONFLICT

  bool operator==(const SqliteUniqueOptions&) const = default;
  [[nodiscard]] bool empty() const { return *this == SqliteUniqueOptions{}; }
};

// SQLite's own options of a table.
struct SqliteTableOptions {
  std::optional<ConflictAction> primary_key_on_conflict;  // PRIMARY KEY ... ON CONFLICT
  bool without_rowid = false;                             // WITHOUT ROWID
  bool strict = false;                                    // STRICT column types

  bool operator==(const SqliteTableOptions&) const = default;
  [[nodiscard]] bool empty() const { return *this == SqliteTableOptions{}; }
};

// Portable column types, spelled in lower case in the snapshot:
//   integer, bigint, smallint, boolean, real, double, numeric, numeric(p), numeric(p,s),
//   text, varchar(n), char(n), blob, date, time, timestamp, json
// Each dialect maps them to and from its own declared types (docs/types.md). A column of a
// dialect's own type that has no portable one (SQLite's ANY) has an empty `type` and says its
// type in its dialect part.
struct Column {
  std::string name;
  std::string type;
  bool nullable = true;
  std::optional<std::string> default_sql;  // server default, as an SQL expression
  bool autoincrement = false;              // only on a single-column integer primary key
  std::optional<std::string> collation;
  std::optional<std::string> renamed_from;  // rename hint from the model; never from a database
  std::optional<Generated> generated;       // a generated column: no default, never written
  SqliteColumnOptions sqlite;

  bool operator==(const Column&) const = default;
};

// The column's type as messages show it: its portable type, or its dialect's own ("any").
[[nodiscard]] std::string type_text(const Column& column);

// One key of an index: a column name, or an SQL expression.
struct IndexKey {
  std::string name;  // column name, or the expression text when `expression` is set
  bool expression = false;
  bool descending = false;
  std::optional<std::string> collation;

  bool operator==(const IndexKey&) const = default;
};

struct Index {
  std::string name;
  bool unique = false;
  std::vector<IndexKey> keys;
  std::optional<std::string> where;  // partial index predicate

  bool operator==(const Index&) const = default;
};

// How one column of a UNIQUE constraint is keyed where it says more than the column's name:
// DESC, or a COLLATE of its own (in upper case, as a column's), as an IndexKey says.
struct KeyOrder {
  bool descending = false;
  std::optional<std::string> collation;

  auto operator<=>(const KeyOrder&) const = default;
};

struct UniqueConstraint {
  std::optional<std::string> name;
  std::vector<std::string> columns;
  SqliteUniqueOptions sqlite;
  // One a column of `columns`, in order, when some column is DESC or has a COLLATE of its own;
  // empty when none has.
  std::vector<KeyOrder> orders;

  bool operator==(const UniqueConstraint&) const = default;
};

enum class ReferentialAction { no_action, restrict, cascade, set_null, set_default };

struct ForeignKey {
  std::optional<std::string> name;
  std::vector<std::string> columns;
  std::string ref_table;
  std::vector<std::string> ref_columns;
  ReferentialAction on_delete = ReferentialAction::no_action;
  ReferentialAction on_update = ReferentialAction::no_action;
  bool deferrable = false;          // DEFERRABLE: checked at COMMIT when deferred
  bool initially_deferred = false;  // DEFERRABLE INITIALLY DEFERRED

  bool operator==(const ForeignKey&) const = default;
};

struct CheckConstraint {
  std::optional<std::string> name;
  std::string expression;  // without the surrounding CHECK ( )

  bool operator==(const CheckConstraint&) const = default;
};

struct Table {
  std::string name;
  std::vector<Column> columns;            // in declaration order
  std::vector<std::string> primary_key;   // column names in key order; empty: rowid only
  std::vector<Index> indexes;             // sorted by name
  // Constraints are sets; normalize() puts them in a canonical order.
  std::vector<UniqueConstraint> uniques;
  std::vector<ForeignKey> foreign_keys;
  std::vector<CheckConstraint> checks;
  std::optional<std::string> renamed_from;
  SqliteTableOptions sqlite;

  bool operator==(const Table&) const = default;

  [[nodiscard]] const Column* find_column(std::string_view column) const;
  [[nodiscard]] Column* find_column(std::string_view column);
};

// A view or a trigger is kept as its whole CREATE statement, as the source wrote it.
struct View {
  std::string name;
  std::string sql;

  bool operator==(const View&) const = default;
};

struct Trigger {
  std::string name;
  std::string table;
  std::string sql;

  bool operator==(const Trigger&) const = default;
};

// The names on one table: its columns, and the indexes and triggers on it. What a table rebuild
// keeps of a table; anything else on the live table goes with the old one.
struct TableShape {
  std::string table;
  std::vector<std::string> columns;   // in declaration order
  std::vector<std::string> indexes;   // explicit indexes (CREATE INDEX), sorted
  std::vector<std::string> triggers;  // sorted

  bool operator==(const TableShape&) const = default;
};

struct Snapshot {
  // The layout written (docs/snapshot.md); every older one is still read. 2: the dialect parts.
  static constexpr int current_format = 2;

  std::vector<Table> tables;  // sorted by name
  std::vector<View> views;    // sorted by name
  std::vector<Trigger> triggers;  // sorted by name
  std::optional<std::string> head;  // revision the snapshot belongs to (schema.json only)

  bool operator==(const Snapshot&) const = default;

  // Needs the canonical order of normalize(), which every loader and operation keeps.
  [[nodiscard]] const Table* find_table(std::string_view table) const;
  [[nodiscard]] Table* find_table(std::string_view table);

  // Sorts tables, views, triggers and each table's constraints: the canonical order.
  // Columns keep their declaration order.
  void normalize();
};

// Puts a table's indexes, unique constraints, foreign keys and checks in canonical order.
void normalize_constraints(Table& table);

// Whether `snapshot` is in the canonical order normalize() gives.
[[nodiscard]] bool is_normalized(const Snapshot& snapshot);

// The same schema: rename hints, `head` and the order of columns aside (a new column is
// appended by ALTER TABLE ADD COLUMN wherever the model declares it).
[[nodiscard]] bool equivalent(Snapshot a, Snapshot b);

// Drops rename hints: what a database holds once the renames have been applied.
[[nodiscard]] Snapshot without_rename_hints(Snapshot snapshot);

[[nodiscard]] std::string to_string(ReferentialAction action);
[[nodiscard]] std::string to_string(ConflictAction action);  // "ROLLBACK", "FAIL", "IGNORE", "REPLACE"
// " ON CONFLICT REPLACE", as it follows a constraint; empty for none (ABORT).
[[nodiscard]] std::string on_conflict_clause(const std::optional<ConflictAction>& action);
// The action a clause names (any case); nothing for ABORT, the default. Throws Error(input).
[[nodiscard]] std::optional<ConflictAction> conflict_action(std::string_view name);

// How a dialect compares names: ignoring ASCII case (SQLite: a trigger `ON Rows` is on `rows`),
// or exactly (PostgreSQL's quoted names: "Users" and users are two tables).
enum class IdentifierCase { ascii_insensitive, exact };

// Whether two names name the same thing under `rule`. Keywords (`CASCADE`, `NO ACTION`) always
// compare ignoring ASCII case, the default.
[[nodiscard]] bool same_identifier(std::string_view a, std::string_view b,
                                   IdentifierCase rule = IdentifierCase::ascii_insensitive);
// The key under which same_identifier() names compare equal: under ascii_insensitive, ASCII
// letters folded to lower case; under exact, the name itself.
[[nodiscard]] std::string identifier_key(std::string_view name,
                                         IdentifierCase rule = IdentifierCase::ascii_insensitive);

// The types a STRICT table accepts (SQLite declares them INTEGER, REAL, TEXT, BLOB and ANY), in
// any case; the Column form also takes a column of SQLite's own ANY.
[[nodiscard]] bool is_strict_type(std::string_view type);
[[nodiscard]] bool is_strict_type(const Column& column);
inline constexpr std::string_view strict_types_text = "integer, real, text, blob or any";

// SQLite's column affinity of a declared type: "INTEGER", "TEXT", "BLOB", "REAL" or "NUMERIC",
// by the rules of https://sqlite.org/datatype3.html (section 3.1).
[[nodiscard]] std::string_view sqlite_affinity(std::string_view declared);
// Whether `text` is a type name as SQLite's grammar reads one: words of letters, digits and
// underscores, then at most two signed numbers in parentheses (`NUMERIC(10, 2)`).
[[nodiscard]] bool is_plain_type_name(std::string_view text);
// The type SQLite declares `column` with: its declared_type, else the portable type's name.
[[nodiscard]] std::string sqlite_declaration(const Column& column);
// Whether two definitions of a column, each in its table, mean the same to SQLite although
// their declared types may be spelt differently: the same portable type, the same affinity,
// and, for a rowid table's single integer primary-key column, both or neither spelt INTEGER
// (only that spelling makes the column the rowid).
[[nodiscard]] bool same_sqlite_declaration(const Table& table_a, const Column& a,
                                           const Table& table_b, const Column& b);
// `a` and `b` equal once a spelling that means the same (same_sqlite_declaration) is set aside.
[[nodiscard]] bool same_column_meaning(const Table& table_a, const Column& a, const Table& table_b,
                                       const Column& b);

}  // namespace dbmigrate
