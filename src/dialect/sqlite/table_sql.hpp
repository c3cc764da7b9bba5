// CREATE TABLE and CREATE INDEX statements for SQLite, from snapshot values.
#pragma once

#include <string>
#include <string_view>

#include "dbmigrate/sqlite.hpp"

namespace dbmigrate::sqlite {

// CREATE TABLE for `table`, under `name` (a rebuild creates the new table under a
// temporary name; its self-references keep the real one).
[[nodiscard]] std::string create_table_sql(const SqliteDialect& dialect, const Table& table, std::string_view name);
// One column's definition, as CREATE TABLE and ALTER TABLE ADD COLUMN write it.
[[nodiscard]] std::string column_sql(const SqliteDialect& dialect, const Table& table, const Column& column);
// `REFERENCES parent (id) ON DELETE ...` of a foreign key, as it follows a column's definition or
// FOREIGN KEY (...).
[[nodiscard]] std::string references_sql(const SqliteDialect& dialect, const ForeignKey& fk);
[[nodiscard]] std::string create_index_sql(const SqliteDialect& dialect, std::string_view table, const Index& index);

}  // namespace dbmigrate::sqlite
