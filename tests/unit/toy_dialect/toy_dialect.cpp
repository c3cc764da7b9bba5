#include "toy_dialect.hpp"

#include <fmt/format.h>

#include <mutex>
#include <utility>

#include "dbmigrate/error.hpp"
#include "dbmigrate/session.hpp"
#include "dbmigrate/sqlite_session.hpp"

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

// Runs nothing: records each section's text. The version and history tables the runner keeps
// through execute() and query() live in a private in-memory SQLite database.
class RecordingSession final : public Session {
 public:
  RecordingSession(std::string name, const RunnerOptions& options)
      : name_(std::move(name)), tables_(open_sqlite_session(":memory:", options)) {}

  [[nodiscard]] std::string dialect() const override { return "toy"; }
  [[nodiscard]] const std::string& database() const override { return name_; }
  [[nodiscard]] std::string quote_identifier(std::string_view name) const override {
    return tables_->quote_identifier(name);
  }
  [[nodiscard]] std::string quote_literal(std::string_view value) const override {
    return tables_->quote_literal(value);
  }
  [[nodiscard]] IdentifierCase identifier_case() const override { return IdentifierCase::exact; }
  Snapshot inspect() override { return databases()[name_]; }
  void execute(std::string_view sql) override { tables_->execute(sql); }
  std::vector<Row> query(std::string_view sql) override { return tables_->query(sql); }
  bool table_exists(std::string_view name) override { return tables_->table_exists(name); }
  LiveTable live_table(std::string_view) override { return {}; }
  void begin_locked() override { tables_->begin_locked(); }
  void begin_read() override { tables_->begin_read(); }
  void commit() override { tables_->commit(); }
  void rollback() noexcept override { tables_->rollback(); }
  void with_lock_wait(const std::function<void()>& operation) override { operation(); }
  void suspend_foreign_keys() override {}
  void restore_foreign_keys() noexcept override {}
  void check_foreign_keys(const Revision&, std::string_view) override {}
  std::filesystem::path back_up() override { return {}; }
  void run_section(const SectionRun& section, Reporter&) override {
    recorded()[name_].push_back(section.sql);
  }

 private:
  std::string name_;
  std::unique_ptr<Session> tables_;
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

// The toy's literals are its own: <value>, so that a test sees whose quoting reached the SQL.
std::string ToyDialect::quote_literal(std::string_view value) const {
  return fmt::format("<{}>", value);
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

std::unique_ptr<Session> ToyDialect::open_session(const std::string& location,
                                                  const RunnerOptions& options) const {
  return std::make_unique<RecordingSession>(location, options);
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

std::map<std::string, std::vector<std::string>>& recorded() {
  static std::map<std::string, std::vector<std::string>> sections;
  return sections;
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
