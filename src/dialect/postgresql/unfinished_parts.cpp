// The parts of the PostgreSQL dialect still to come: each refuses with a clear message.
#include <fmt/format.h>

#include "dbmigrate/error.hpp"
#include "dialect/postgresql/inspect.hpp"
#include "dialect/postgresql/render.hpp"
#include "dialect/postgresql/schema_file.hpp"
#include "dialect/postgresql/sql_text.hpp"
#include "dialect/postgresql/types.hpp"

namespace dbmigrate::postgresql {
namespace {

[[noreturn]] void not_yet(std::string_view what) {
  throw Error(ErrorKind::input,
              fmt::format("PostgreSQL: {} is not in this build of DbMigrate yet", what));
}

class NoFragments final : public SqlFragmentCheck {
 public:
  std::string expression(std::string_view /*sql*/) const override { return {}; }
  std::string default_value(std::string_view /*sql*/) const override { return {}; }
  std::string view(std::string_view /*sql*/, std::string_view /*name*/) const override {
    return {};
  }
  std::string trigger(std::string_view /*sql*/, std::string_view /*name*/,
                      std::string_view /*table*/) const override {
    return {};
  }
  std::string column_type(std::string_view /*type*/) const override { return {}; }
  std::string table_name(std::string_view /*name*/) const override { return {}; }
};

}  // namespace

Snapshot inspect(Connection& /*connection*/) {
  not_yet("inspecting a database");
}
std::string normalize_expression(std::string_view sql,
                                 const std::vector<std::string>& /*columns*/) {
  return std::string(sql);
}
std::string normalize_default(std::string_view sql) {
  return std::string(sql);
}
StoredStatement stored_statement(std::string_view /*kind*/, std::string_view sql) {
  return {.sql = std::string(sql), .name = {}, .table = {}, .problem = "not read yet"};
}
std::unique_ptr<SqlFragmentCheck> make_fragment_check() {
  return std::make_unique<NoFragments>();
}
std::vector<std::string> refusals(const Snapshot& /*schema*/) {
  return {};
}
Snapshot read_schema_file(std::string_view /*sql*/, std::string_view /*origin*/) {
  not_yet("reading a .sql schema file");
}

}  // namespace dbmigrate::postgresql
