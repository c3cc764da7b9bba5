// A second dialect, used only by tests: it proves that a dialect plugs in through the registry
// alone. Its names compare exactly (as PostgreSQL's quoted names do), it renders each operation
// as one line of text naming it, its "databases" are snapshots kept in memory under a name, and
// its session records the sections the runner hands it (keeping the runner's version and
// history tables in a private SQLite database, which is how a test can see them).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/dialect_registry.hpp"

namespace dbmigrate::toy {

class ToyDialect final : public Dialect {
 public:
  [[nodiscard]] std::string name() const override { return "toy"; }
  [[nodiscard]] DialectCapabilities capabilities() const override;
  [[nodiscard]] std::string quote_identifier(std::string_view name) const override;
  [[nodiscard]] std::string quote_literal(std::string_view value) const override;

  [[nodiscard]] std::string database_location(const std::string& url) const override;
  [[nodiscard]] bool database_exists(const std::string& location) const override;
  [[nodiscard]] Snapshot inspect(const std::string& location) const override;
  [[nodiscard]] std::unique_ptr<Session> open_session(const std::string& location,
                                                      const RunnerOptions& options) const override;
  [[nodiscard]] std::string scratch_location() const override { return "scratch"; }

  [[nodiscard]] Snapshot read_schema_file(std::string_view sql,
                                          std::string_view origin) const override;
  [[nodiscard]] SqlScript render(const Snapshot& from, const Operations& operations) const override;

  [[nodiscard]] std::string normalize_expression(
      std::string_view sql, const std::vector<std::string>& columns) const override;
  [[nodiscard]] std::string normalize_default(std::string_view sql) const override;
  [[nodiscard]] StoredStatement stored_statement(std::string_view kind,
                                                 std::string_view sql) const override;
  [[nodiscard]] const SqlFragmentCheck& fragment_check() const override;
  [[nodiscard]] std::vector<std::string> refusals(const Snapshot& schema) const override;

  [[nodiscard]] std::string portable_type(std::string_view declared) const override;
  [[nodiscard]] std::string declared_type(std::string_view portable) const override;
};

// The toy's databases: toy://<name> names the snapshot stored under <name>.
std::map<std::string, Snapshot>& databases();

// The section texts the toy's sessions ran, by database name, in order.
std::map<std::string, std::vector<std::string>>& recorded();

// Registers "toy" (scheme toy://) once; later calls do nothing.
void register_toy_dialect();

}  // namespace dbmigrate::toy
