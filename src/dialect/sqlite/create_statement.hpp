// The parts of a CREATE TABLE or CREATE INDEX statement that SQLite's PRAGMAs do not report:
// collations, AUTOINCREMENT, CHECK constraints, constraint names, ON CONFLICT clauses, WITHOUT
// ROWID and STRICT, and the text of expression index keys and of a partial index's WHERE.
//
// The statements come from sqlite_schema (or were just accepted by SQLite), so the parser
// trusts their shape; it reads what it needs and skips the rest.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::sqlite {

struct ColumnDefinition {
  std::string name;
  std::size_t offset = 0;                // of the column's name in the statement
  std::optional<std::string> collation;  // spelled as written: NOCASE, nocase, ...
  bool autoincrement = false;
  std::optional<ConflictAction> not_null_on_conflict;
  std::optional<Generated> generated;  // expression normalized
};

// A UNIQUE or FOREIGN KEY constraint as declared. SQLite's PRAGMAs report these without their
// names; the columns (and target table) link a declaration to its PRAGMA rows.
struct DeclaredConstraint {
  std::optional<std::string> name;
  std::vector<std::string> columns;
  std::string ref_table;  // FOREIGN KEY only
  bool deferrable = false;
  bool initially_deferred = false;
  std::optional<ConflictAction> on_conflict;  // UNIQUE only
};

struct CreateTable {
  std::string name;
  std::size_t create_offset = 0;          // of the CREATE keyword
  std::vector<ColumnDefinition> columns;  // empty for CREATE TABLE ... AS SELECT
  std::vector<CheckConstraint> checks;    // column and table level, in declaration order
  std::vector<DeclaredConstraint> uniques;
  std::vector<DeclaredConstraint> foreign_keys;
  std::optional<ConflictAction> primary_key_on_conflict;
  bool without_rowid = false;
  bool strict = false;
};

struct DeclaredIndexKey {
  std::string text;                      // normalized expression (or column name) text
  std::optional<std::string> collation;  // only when the statement names one for this key
};

struct CreateIndex {
  std::string name;
  std::string table;
  std::vector<DeclaredIndexKey> keys;
  std::optional<std::string> where;  // normalized
};

// True when the statement's first words are CREATE [TEMP] TABLE (not VIRTUAL TABLE).
[[nodiscard]] bool is_create_table(std::string_view sql);

[[nodiscard]] CreateTable parse_create_table(std::string_view sql);
[[nodiscard]] CreateIndex parse_create_index(std::string_view sql);
// The same for an index on a table with these columns (see normalize_sql_expression).
[[nodiscard]] CreateIndex parse_create_index(std::string_view sql,
                                             const std::vector<std::string>& columns);

}  // namespace dbmigrate::sqlite
