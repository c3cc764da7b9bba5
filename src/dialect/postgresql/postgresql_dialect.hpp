// The PostgreSQL dialect (docs/postgresql.md): how it is registered, and the Dialect itself.
#pragma once

#include <memory>

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/dialect_registry.hpp"

namespace dbmigrate::postgresql {

// "postgresql", for postgresql:// and postgres:// URLs.
[[nodiscard]] DialectRegistration registration();

class PostgresqlDialect final : public Dialect {
 public:
  PostgresqlDialect();
  PostgresqlDialect(const PostgresqlDialect&) = delete;
  PostgresqlDialect& operator=(const PostgresqlDialect&) = delete;
  ~PostgresqlDialect() override;

  [[nodiscard]] std::string name() const override { return "postgresql"; }
  // Transactional DDL; names compare exactly (a quoted "Users" is not users; an unquoted name
  // is folded to lower case by the server before it is ever compared); at most 63 bytes;
  // every ALTER native.
  [[nodiscard]] DialectCapabilities capabilities() const override;
  [[nodiscard]] std::string quote_identifier(std::string_view name) const override;
  [[nodiscard]] std::string quote_literal(std::string_view value) const override;

  // The URL itself, once checked (database_url.hpp): libpq reads it at each connection.
  [[nodiscard]] std::string database_location(const std::string& url) const override;
  // A server database is there or the connection says why not: true.
  [[nodiscard]] bool database_exists(const std::string& location) const override;
  [[nodiscard]] Snapshot inspect(const std::string& location) const override;
  [[nodiscard]] std::unique_ptr<Session> open_session(const std::string& location,
                                                      const RunnerOptions& options) const override;
  // A private schema on the scratch server (scratch.hpp), dropped when the session ends.
  [[nodiscard]] std::string scratch_location() const override;

  [[nodiscard]] Snapshot read_schema_file(std::string_view sql,
                                          std::string_view origin) const override;
  [[nodiscard]] SqlScript render(const Snapshot& from, const Operations& operations) const override;

  [[nodiscard]] std::string normalize_expression(
      std::string_view sql, const std::vector<std::string>& columns) const override;
  [[nodiscard]] std::string normalize_default(std::string_view sql) const override;
  [[nodiscard]] StoredStatement stored_statement(std::string_view kind,
                                                 std::string_view sql) const override;
  // The server's own text for every expression, default and view (sql_text.hpp).
  void canonicalize_snapshot(Snapshot& snapshot) const override;
  [[nodiscard]] const SqlFragmentCheck& fragment_check() const override;
  [[nodiscard]] std::vector<std::string> refusals(const Snapshot& schema) const override;

  [[nodiscard]] std::string portable_type(std::string_view declared) const override;
  [[nodiscard]] std::string declared_type(std::string_view portable) const override;

 private:
  std::unique_ptr<SqlFragmentCheck> fragments_;
};

}  // namespace dbmigrate::postgresql
