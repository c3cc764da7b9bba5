#include "toy_dialect.hpp"

#include <fmt/format.h>

#include <mutex>

#include "dbmigrate/error.hpp"

namespace dbmigrate::toy {
namespace {

// Accepts every fragment: the toy has no SQL of its own to check it against.
class AcceptAll final : public SqlFragmentCheck {
 public:
  [[nodiscard]] std::string expression(std::string_view) const override { return {}; }
  [[nodiscard]] std::string default_value(std::string_view) const override { return {}; }
  [[nodiscard]] std::string view(std::string_view, std::string_view) const override { return {}; }
  [[nodiscard]] std::string trigger(std::string_view, std::string_view,
                                    std::string_view) const override {
    return {};
  }
  [[nodiscard]] std::string column_type(std::string_view) const override { return {}; }
  [[nodiscard]] std::string table_name(std::string_view) const override { return {}; }
};

}  // namespace

DialectCapabilities ToyDialect::capabilities() const {
  return {.transactional_ddl = false,
          .rebuild_needs_foreign_keys_off = false,
          .identifier_case = IdentifierCase::exact,
          .max_identifier_length = 8,
          .alter = {}};
}

std::string ToyDialect::quote_identifier(std::string_view name) const {
  return fmt::format("[{}]", name);
}

std::string ToyDialect::database_location(const std::string& url) const {
  if (!url.starts_with("toy://")) throw Error(ErrorKind::input, "a toy URL is toy://<name>");
  return url.substr(6);
}

bool ToyDialect::database_exists(const std::string& location) const {
  return databases().contains(location);
}

Snapshot ToyDialect::inspect(const std::string& location) const {
  return databases().at(location);
}

Snapshot ToyDialect::read_schema_file(std::string_view, std::string_view origin) const {
  throw Error(ErrorKind::input, fmt::format("{}: the toy dialect reads no SQL", origin));
}

SqlScript ToyDialect::render(const Snapshot&, const Operations& operations) const {
  SqlScript script;
  for (const auto& operation : operations) {
    script.statements.push_back(
        {.sql = fmt::format("TOY {};", operation.describe()), .comments = {}});
  }
  return script;
}

std::string ToyDialect::normalize_expression(std::string_view sql,
                                             const std::vector<std::string>&) const {
  return std::string(sql);
}

std::string ToyDialect::normalize_default(std::string_view sql) const {
  return std::string(sql);
}

StoredStatement ToyDialect::stored_statement(std::string_view, std::string_view sql) const {
  return {.sql = std::string(sql), .name = {}, .table = {}, .problem = {}};
}

const SqlFragmentCheck& ToyDialect::fragment_check() const {
  static const AcceptAll check;
  return check;
}

std::vector<std::string> ToyDialect::refusals(const Snapshot&) const {
  return {};
}

std::string ToyDialect::portable_type(std::string_view declared) const {
  return std::string(declared);
}

std::string ToyDialect::declared_type(std::string_view portable) const {
  return std::string(portable);
}

std::map<std::string, Snapshot>& databases() {
  static std::map<std::string, Snapshot> stored;
  return stored;
}

void register_toy_dialect() {
  static std::once_flag once;
  std::call_once(once, [] {
    register_dialect({.name = "toy",
                      .url_schemes = {"toy"},
                      .url_example = "toy://<name>",
                      .takes_bare_paths = false,
                      .make = [] { return std::make_unique<ToyDialect>(); }});
  });
}

}  // namespace dbmigrate::toy
