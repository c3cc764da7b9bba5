// SqliteDialect: the Dialect entry points, each handing over to the file that does the work.
#include "dialect/sqlite/sqlite_dialect.hpp"

#include <filesystem>

#include "dbmigrate/sqlite.hpp"
#include "dbmigrate/sqlite_session.hpp"
#include "dialect/sqlite/connection.hpp"
#include "dialect/sqlite/inspect.hpp"
#include "dialect/sqlite/sql_case.hpp"

namespace dbmigrate {

SqliteDialect::SqliteDialect() : fragments_(std::make_unique<SqliteFragmentCheck>()) {}
SqliteDialect::~SqliteDialect() = default;

bool SqliteDialect::database_exists(const std::string& location) const {
  if (location == ":memory:") return true;
  return std::filesystem::exists(sqlite::database_file(location));
}

Snapshot SqliteDialect::inspect(const std::string& location) const {
  return sqlite::inspect(sqlite::open_for_reading(location));
}

std::unique_ptr<Session> SqliteDialect::open_session(const std::string& location,
                                                     const RunnerOptions& options) const {
  return open_sqlite_session(location, options);
}

Snapshot SqliteDialect::read_schema_file(std::string_view sql, std::string_view origin) const {
  return snapshot_from_sql(sql, origin);
}

std::string SqliteDialect::normalize_expression(std::string_view sql,
                                                const std::vector<std::string>& columns) const {
  return normalize_sql_expression(sql, columns);
}

std::string SqliteDialect::normalize_default(std::string_view sql) const {
  return normalize_sql_default(sql);
}

std::string SqliteDialect::normalize_collation(std::string_view name) const {
  // SQLite finds a collation by its name ignoring ASCII case: BINARY, NOCASE, RTRIM.
  return sqlite::ascii_upper(name);
}

const SqlFragmentCheck& SqliteDialect::fragment_check() const {
  return *fragments_;
}

std::string SqliteDialect::portable_type(std::string_view declared) const {
  return sqlite_portable_type(declared);
}

std::string SqliteDialect::declared_type(std::string_view portable) const {
  return sqlite_declared_type(portable);
}

namespace sqlite {

DialectRegistration registration() {
  return {.name = "sqlite",
          .url_schemes = {"sqlite"},
          .url_example = "sqlite:///path.db",
          .takes_bare_paths = true,
          .make = [] { return std::make_unique<SqliteDialect>(); }};
}

}  // namespace sqlite
}  // namespace dbmigrate
