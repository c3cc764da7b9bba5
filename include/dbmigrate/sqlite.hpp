// The SQLite dialect: render, inspect a live database, read a .sql schema file.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/snapshot.hpp"
#include "dbmigrate/sql_fragments.hpp"
#include "dbmigrate/version_tables.hpp"  // the tables inspect_sqlite() leaves out

namespace dbmigrate {

namespace sqlite {
class Connection;  // private: the dialect's own handle
}

class SqliteDialect final : public Dialect {
 public:
  SqliteDialect();
  SqliteDialect(const SqliteDialect&) = delete;
  SqliteDialect& operator=(const SqliteDialect&) = delete;
  ~SqliteDialect() override;

  [[nodiscard]] std::string name() const override { return "sqlite"; }
  [[nodiscard]] DialectCapabilities capabilities() const override;
  [[nodiscard]] std::string quote_identifier(std::string_view name) const override;
  [[nodiscard]] std::string quote_literal(std::string_view value) const override;

  // sqlite:///relative.db, sqlite:////absolute.db, sqlite:///app.db?mode=ro (an SQLite URI),
  // or a bare path, `:memory:` or `file:` URI.
  [[nodiscard]] std::string database_location(const std::string& url) const override;
  [[nodiscard]] bool database_exists(const std::string& location) const override;
  [[nodiscard]] Snapshot inspect(const std::string& location) const override;
  [[nodiscard]] std::unique_ptr<Session> open_session(const std::string& location,
                                                      const RunnerOptions& options) const override;
  [[nodiscard]] std::string scratch_location() const override { return ":memory:"; }

  [[nodiscard]] Snapshot read_schema_file(std::string_view sql,
                                          std::string_view origin) const override;
  [[nodiscard]] SqlScript render(const Snapshot& from, const Operations& operations) const override;

  [[nodiscard]] std::string normalize_expression(
      std::string_view sql, const std::vector<std::string>& columns) const override;
  [[nodiscard]] std::string normalize_default(std::string_view sql) const override;
  [[nodiscard]] std::string normalize_collation(std::string_view name) const override;
  [[nodiscard]] StoredStatement stored_statement(std::string_view kind,
                                                 std::string_view sql) const override;
  [[nodiscard]] const SqlFragmentCheck& fragment_check() const override;
  [[nodiscard]] std::vector<std::string> refusals(const Snapshot& schema) const override;

  [[nodiscard]] std::string portable_type(std::string_view declared) const override;
  [[nodiscard]] std::string declared_type(std::string_view portable) const override;

 private:
  std::unique_ptr<SqlFragmentCheck> fragments_;
};

// The portable type of an SQLite declared type (docs/types.md), and back.
[[nodiscard]] std::string sqlite_portable_type(std::string_view declared);
[[nodiscard]] std::string sqlite_declared_type(std::string_view portable);
// A column's type from its SQLite declared type: a portable type, or ANY in the column's SQLite
// part. And the declared type of a column.
void set_sqlite_column_type(Column& column, std::string_view declared);
[[nodiscard]] std::string sqlite_declared_type(const Column& column);

// The SQL text of a snapshot checked as SQLite reads it: tokenized, then prepared (never run) on
// a private in-memory database opened on first use.
class SqliteFragmentCheck final : public SqlFragmentCheck {
 public:
  SqliteFragmentCheck();
  SqliteFragmentCheck(const SqliteFragmentCheck&) = delete;
  SqliteFragmentCheck& operator=(const SqliteFragmentCheck&) = delete;
  ~SqliteFragmentCheck() override;

  [[nodiscard]] std::string expression(std::string_view sql) const override;
  [[nodiscard]] std::string index_key(std::string_view sql) const override;
  [[nodiscard]] std::string default_value(std::string_view sql) const override;
  [[nodiscard]] std::string view(std::string_view sql, std::string_view name) const override;
  [[nodiscard]] std::string trigger(std::string_view sql, std::string_view name,
                                    std::string_view table) const override;
  [[nodiscard]] std::string column_type(std::string_view type) const override;
  [[nodiscard]] std::string declared_type(std::string_view declared,
                                          std::string_view type) const override;
  [[nodiscard]] std::string table_name(std::string_view name) const override;

 private:
  [[nodiscard]] std::string statement(std::string_view sql, std::string_view kind,
                                      std::string_view name, std::string_view table) const;
  // SQLite's syntax error for `sql`, or empty.
  [[nodiscard]] std::string parse_problem(const std::string& sql) const;
  [[nodiscard]] const sqlite::Connection& scratch() const;
  [[nodiscard]] std::string expression_problem(std::string_view sql) const;
  [[nodiscard]] std::string constant_problem(std::string_view sql) const;
  mutable std::unique_ptr<sqlite::Connection> scratch_;
  mutable std::map<std::string, std::string, std::less<>> expressions_;  // text -> problem
};

// Executes a .sql schema file into an in-memory database and inspects it; rename hints
// (`-- @renamed from=<old>`) are attached. `origin` names the file in error messages, with the
// line of the statement at fault. The file may not change SQLite for the rest of the process
// (heap limits, temporary folders), edit sqlite_schema, attach files, or hold much memory.
[[nodiscard]] Snapshot snapshot_from_sql(std::string_view sql, std::string_view origin = {});

// The canonical text of an SQL expression (CHECK, partial-index WHERE, expression index key),
// so that a model, a .sql file and a live database give byte-identical snapshots: whitespace
// runs outside literals become one space, none just inside parentheses or before a comma and
// one after it, comments go, and quoted identifiers are re-quoted as quote_identifier() would; keywords,
// TRUE, FALSE and collation names in upper case, other names in lower case (a column's name
// as the table declares it); parentheses around the whole text go (docs/snapshot.md).
[[nodiscard]] std::string normalize_sql_expression(std::string_view sql);
// The same for an expression of a table with these columns. SQLite reads a "double-quoted" word
// that names none of them as a string literal, and so does this: it becomes 'single-quoted'.
// (Left as a bare word, it would name a column that does not exist once the table is rebuilt.)
[[nodiscard]] std::string normalize_sql_expression(std::string_view sql,
                                                   const std::vector<std::string>& columns);

// The canonical text of a column's server default, ready to follow DEFAULT: the normalized
// expression, bare when it is a literal (`'abc'`, `-1`, `NULL`, `CURRENT_TIMESTAMP`) and in one
// pair of parentheses otherwise: `1 + 2`, `(1 + 2)` and `((1 + 2))` all give `(1 + 2)`.
// (SQLite's table_xinfo drops the parentheses a DEFAULT was written with.)
[[nodiscard]] std::string normalize_sql_default(std::string_view sql);

// The same for a default as SQLite stored it (table_xinfo's dflt_value): a lone name there,
// bare or quoted (`DEFAULT active`, `DEFAULT "dq"`), is the string SQLite puts in new rows,
// `'active'`. (In a C++ model such a name is a mistake, which the model reports.)
[[nodiscard]] std::string normalize_stored_default(std::string_view dflt_value);

}  // namespace dbmigrate
