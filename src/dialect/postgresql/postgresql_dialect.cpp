// PostgresqlDialect: the Dialect entry points, each handing over to the file that does the work.
#include "dialect/postgresql/postgresql_dialect.hpp"

#include "dbmigrate/session.hpp"
#include "dialect/postgresql/connection.hpp"
#include "dialect/postgresql/database_url.hpp"
#include "dialect/postgresql/inspect.hpp"
#include "dialect/postgresql/quote.hpp"
#include "dialect/postgresql/render.hpp"
#include "dialect/postgresql/schema_file.hpp"
#include "dialect/postgresql/scratch.hpp"
#include "dialect/postgresql/session.hpp"
#include "dialect/postgresql/sql_text.hpp"
#include "dialect/postgresql/types.hpp"

namespace dbmigrate::postgresql {

PostgresqlDialect::PostgresqlDialect() : fragments_(make_fragment_check()) {}
PostgresqlDialect::~PostgresqlDialect() = default;

DialectCapabilities PostgresqlDialect::capabilities() const {
  return postgresql::capabilities();
}

std::string PostgresqlDialect::quote_identifier(std::string_view name) const {
  return postgresql::quote_identifier(name);
}

std::string PostgresqlDialect::quote_literal(std::string_view value) const {
  return postgresql::quote_literal(value);
}

std::string PostgresqlDialect::database_location(const std::string& url) const {
  (void)connection_target(url);  // throws Error(input) for a malformed one
  return url;
}

bool PostgresqlDialect::database_exists(const std::string& /*location*/) const {
  return true;
}

Snapshot PostgresqlDialect::inspect(const std::string& location) const {
  Connection connection(location);
  return postgresql::inspect(connection);
}

std::unique_ptr<Session> PostgresqlDialect::open_session(const std::string& location,
                                                         const RunnerOptions& options) const {
  return postgresql::open_session(location, options);
}

std::string PostgresqlDialect::scratch_location() const {
  return std::string(scratch_prefix) + scratch_server_url();
}

Snapshot PostgresqlDialect::read_schema_file(std::string_view sql, std::string_view origin) const {
  return postgresql::read_schema_file(sql, origin);
}

SqlScript PostgresqlDialect::render(const Snapshot& from, const Operations& operations) const {
  return postgresql::render(from, operations);
}

std::string PostgresqlDialect::normalize_expression(std::string_view sql,
                                                    const std::vector<std::string>& columns) const {
  return postgresql::normalize_expression(sql, columns);
}

std::string PostgresqlDialect::normalize_default(std::string_view sql) const {
  return postgresql::normalize_default(sql);
}

StoredStatement PostgresqlDialect::stored_statement(std::string_view kind,
                                                    std::string_view sql) const {
  return postgresql::stored_statement(kind, sql);
}

void PostgresqlDialect::canonicalize_snapshot(Snapshot& snapshot) const {
  postgresql::canonicalize_on_server(snapshot);
}

const SqlFragmentCheck& PostgresqlDialect::fragment_check() const {
  return *fragments_;
}

std::vector<std::string> PostgresqlDialect::refusals(const Snapshot& schema) const {
  return postgresql::refusals(schema);
}

std::string PostgresqlDialect::portable_type(std::string_view declared) const {
  return postgresql::portable_type(declared);
}

std::string PostgresqlDialect::declared_type(std::string_view portable) const {
  return postgresql::declared_type(portable);
}

DialectRegistration registration() {
  return {.name = "postgresql",
          .url_schemes = {"postgresql", "postgres"},
          .url_example = "postgresql://user:password@host:port/dbname",
          .takes_bare_paths = false,
          .make = [] { return std::make_unique<PostgresqlDialect>(); }};
}

}  // namespace dbmigrate::postgresql
