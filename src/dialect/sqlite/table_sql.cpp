// CREATE TABLE / CREATE INDEX text: one definition a line, names quoted only when needed.
#include "dialect/sqlite/table_sql.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <vector>

namespace dbmigrate::sqlite {
namespace {

std::string name_list(const SqliteDialect& d, const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  quoted.reserve(names.size());
  for (const auto& name : names) quoted.push_back(d.quote_identifier(name));
  return fmt::format("{}", fmt::join(quoted, ", "));
}

// A unique constraint's columns, each with its COLLATE and DESC.
std::string unique_keys_sql(const SqliteDialect& d, const UniqueConstraint& unique) {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < unique.columns.size(); ++i) {
    std::string key = d.quote_identifier(unique.columns[i]);
    if (i < unique.orders.size()) {
      const KeyOrder& order = unique.orders[i];
      if (order.collation) key += fmt::format(" COLLATE {}", d.quote_identifier(*order.collation));
      if (order.descending) key += " DESC";
    }
    keys.push_back(std::move(key));
  }
  return fmt::format("{}", fmt::join(keys, ", "));
}

std::string constraint_name(const SqliteDialect& d, const std::optional<std::string>& name) {
  return name ? fmt::format("CONSTRAINT {} ", d.quote_identifier(*name)) : std::string();
}

bool inline_primary_key(const Table& table, const Column& column) {
  return column.autoincrement && table.primary_key.size() == 1 &&
         table.primary_key[0] == column.name;
}

std::string foreign_key_sql(const SqliteDialect& d, const ForeignKey& fk) {
  return fmt::format("{}FOREIGN KEY ({}) {}", constraint_name(d, fk.name), name_list(d, fk.columns),
                     references_sql(d, fk));
}

}  // namespace

std::string references_sql(const SqliteDialect& d, const ForeignKey& fk) {
  std::string sql = fmt::format("REFERENCES {}", d.quote_identifier(fk.ref_table));
  if (!fk.ref_columns.empty()) sql += fmt::format(" ({})", name_list(d, fk.ref_columns));
  if (fk.on_delete != ReferentialAction::no_action) sql += " ON DELETE " + to_string(fk.on_delete);
  if (fk.on_update != ReferentialAction::no_action) sql += " ON UPDATE " + to_string(fk.on_update);
  if (fk.deferrable)
    sql += fk.initially_deferred ? " DEFERRABLE INITIALLY DEFERRED"
                                 : " DEFERRABLE INITIALLY IMMEDIATE";
  return sql;
}

std::string column_sql(const SqliteDialect& d, const Table& table, const Column& column) {
  std::string sql =
      fmt::format("{} {}", d.quote_identifier(column.name), sqlite_declared_type(column));
  if (column.generated) {
    sql += fmt::format(" GENERATED ALWAYS AS ({}) {}", column.generated->expression,
                       column.generated->stored ? "STORED" : "VIRTUAL");
  }
  if (!column.nullable) sql += " NOT NULL" + on_conflict_clause(column.sqlite.not_null_on_conflict);
  if (inline_primary_key(table, column)) {
    sql += " PRIMARY KEY" + on_conflict_clause(table.sqlite.primary_key_on_conflict) + " AUTOINCREMENT";
  }
  if (column.default_sql) sql += fmt::format(" DEFAULT {}", *column.default_sql);
  if (column.collation) sql += fmt::format(" COLLATE {}", d.quote_identifier(*column.collation));
  return sql;
}

std::string create_table_sql(const SqliteDialect& d, const Table& table, std::string_view name) {
  std::vector<std::string> lines;
  bool key_inline = false;
  for (const auto& column : table.columns) {
    lines.push_back(column_sql(d, table, column));
    key_inline = key_inline || inline_primary_key(table, column);
  }
  if (!table.primary_key.empty() && !key_inline) {
    lines.push_back(fmt::format("PRIMARY KEY ({}){}", name_list(d, table.primary_key),
                                on_conflict_clause(table.sqlite.primary_key_on_conflict)));
  }
  for (const auto& unique : table.uniques) {
    lines.push_back(fmt::format("{}UNIQUE ({}){}", constraint_name(d, unique.name),
                                unique_keys_sql(d, unique),
                                on_conflict_clause(unique.sqlite.on_conflict)));
  }
  for (const auto& fk : table.foreign_keys) lines.push_back(foreign_key_sql(d, fk));
  for (const auto& check : table.checks) {
    lines.push_back(fmt::format("{}CHECK ({})", constraint_name(d, check.name), check.expression));
  }
  std::vector<std::string_view> options;
  if (table.sqlite.without_rowid) options.push_back("WITHOUT ROWID");
  if (table.sqlite.strict) options.push_back("STRICT");
  return fmt::format("CREATE TABLE {} (\n    {}\n){}{};", d.quote_identifier(name),
                     fmt::join(lines, ",\n    "), options.empty() ? "" : " ",
                     fmt::join(options, ", "));
}

std::string create_index_sql(const SqliteDialect& d, std::string_view table, const Index& index) {
  std::vector<std::string> keys;
  for (const auto& key : index.keys) {
    // The canonical text drops an expression's outer parentheses; a COLLATE after it must apply
    // to the whole expression.
    std::string sql = !key.expression ? d.quote_identifier(key.name)
                      : key.collation ? fmt::format("({})", key.name)
                                      : key.name;
    if (key.collation) sql += fmt::format(" COLLATE {}", d.quote_identifier(*key.collation));
    if (key.descending) sql += " DESC";
    keys.push_back(std::move(sql));
  }
  std::string sql =
      fmt::format("CREATE {}INDEX {} ON {} ({})", index.unique ? "UNIQUE " : "",
                  d.quote_identifier(index.name), d.quote_identifier(table), fmt::join(keys, ", "));
  if (index.where) sql += fmt::format(" WHERE {}", *index.where);
  return sql + ";";
}

}  // namespace dbmigrate::sqlite
