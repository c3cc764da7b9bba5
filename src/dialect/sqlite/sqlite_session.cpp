// The SQLite Session: one connection, `BEGIN IMMEDIATE` as the run lock (its busy handler
// waiting up to the lock timeout), `PRAGMA foreign_keys` switched outside the transaction,
// backups with the online backup API, progress through the progress handler.
#include "dbmigrate/sqlite_session.hpp"

#include <fmt/format.h>

#include <optional>
#include <utility>

#include "dbmigrate/error.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/sql_tokens.hpp"
#include "dialect/sqlite/busy_wait.hpp"
#include "dialect/sqlite/connection.hpp"
#include "dialect/sqlite/inspect.hpp"
#include "dialect/sqlite/schema_fingerprint.hpp"
#include "dialect/sqlite/sqlite_backup.hpp"
#include "dialect/sqlite/sqlite_progress.hpp"
#include "dialect/sqlite/statement_loop.hpp"

namespace dbmigrate {
namespace {

sqlite::Connection open_database(const std::string& path) {
  try {
    return sqlite::Connection(path);
  } catch (const Error& error) {
    throw Error(ErrorKind::database,
                fmt::format("{}; check the path, that its folder exists and that you may write "
                            "to it",
                            error.what()));
  }
}

std::vector<std::string> first_column(sqlite::Connection& connection, std::string_view sql,
                                      std::string_view parameter) {
  auto statement = connection.prepare(sql);
  statement.bind(1, parameter);
  std::vector<std::string> values;
  while (statement.step()) values.push_back(statement.text(0));
  return values;
}

class SqliteSession final : public Session {
 public:
  SqliteSession(const std::string& path, const RunnerOptions& options)
      : path_(path),
        options_(options),
        connection_(options.read_only ? sqlite::open_for_reading(path) : open_database(path)),
        busy_wait_(connection_, options.lock_timeout, options.lock_timeout_setting) {
    with_lock_wait([&] {
      try {
        (void)connection_.query_int("SELECT count(*) FROM sqlite_master");
        connection_.execute("PRAGMA foreign_keys = ON");
      } catch (const DatabaseError& error) {
        throw DatabaseError(
            error, ErrorKind::database,
            fmt::format("cannot use database '{}': {}; check that it is an SQLite database", path,
                        error.what()));
      }
    });
    if (!options.read_only && sqlite3_db_readonly(connection_.handle(), "main") == 1) {
      throw Error(ErrorKind::database,
                  fmt::format("database '{}' is read-only; migrating it needs write access to "
                              "the file and its folder",
                              path));
    }
  }

  [[nodiscard]] std::string dialect() const override { return "sqlite"; }
  [[nodiscard]] const std::string& database() const override { return path_; }
  [[nodiscard]] std::string quote_identifier(std::string_view name) const override {
    return sqlite::quote_identifier(name);
  }
  [[nodiscard]] std::string quote_literal(std::string_view value) const override {
    return sqlite::quote_literal(value);
  }
  [[nodiscard]] IdentifierCase identifier_case() const override {
    return IdentifierCase::ascii_insensitive;
  }

  Snapshot inspect() override { return sqlite::inspect(connection_); }

  // Every row of sqlite_schema: what SQLite itself reads the schema from.
  std::string schema_fingerprint() override { return sqlite::schema_fingerprint(connection_); }

  void execute(std::string_view sql) override { connection_.execute(sql); }

  std::vector<Row> query(std::string_view sql) override {
    auto statement = connection_.prepare(sql);
    std::vector<Row> rows;
    while (statement.step()) {
      Row row;
      for (int i = 0; i < statement.column_count(); ++i) row.push_back(statement.optional_text(i));
      rows.push_back(std::move(row));
    }
    return rows;
  }

  bool table_exists(std::string_view name) override {
    // A lookup by name in SQLite's schema hash, not a scan of sqlite_schema: the runner asks
    // this several times per revision, and a scan would grow with the schema.
    return !first_column(connection_,
                         "SELECT name FROM pragma_table_info(?1, 'main') LIMIT 1", name)
                .empty();
  }

  LiveTable live_table(std::string_view name) override {
    return {
        .columns =
            first_column(connection_, "SELECT name FROM pragma_table_xinfo(?1) ORDER BY cid", name),
        // Indexes SQLite made for a PRIMARY KEY or UNIQUE (no sql) belong to the table.
        .indexes = first_column(connection_,
                                "SELECT name FROM sqlite_schema WHERE type = 'index' AND "
                                "sql IS NOT NULL AND tbl_name = ?1 COLLATE NOCASE ORDER BY name",
                                name),
        .triggers = first_column(connection_,
                                 "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                                 "AND tbl_name = ?1 COLLATE NOCASE ORDER BY name",
                                 name),
    };
  }

  void begin_locked() override { transaction_.emplace(connection_, "BEGIN IMMEDIATE"); }
  void begin_read() override { transaction_.emplace(connection_, "BEGIN DEFERRED"); }
  void commit() override {
    transaction_->commit();
    transaction_.reset();
  }
  void rollback() noexcept override { transaction_.reset(); }

  void with_lock_wait(const std::function<void()>& operation) override {
    busy_wait_.guard(path_, operation);
  }

  void suspend_foreign_keys() override {
    if (connection_.query_int("PRAGMA foreign_keys") == 0) return;
    connection_.execute("PRAGMA foreign_keys = OFF");
    restore_foreign_keys_ = true;
  }
  void restore_foreign_keys() noexcept override {
    if (!std::exchange(restore_foreign_keys_, false)) return;
    try {
      connection_.execute("PRAGMA foreign_keys = ON");
    } catch (...) {
      // must not throw; the connection is closed after the run anyway
    }
  }
  void check_foreign_keys(const Revision& revision, std::string_view direction) override {
    sqlite::check_foreign_keys(connection_, revision, direction);
  }

  std::filesystem::path back_up() override { return sqlite::backup_database(connection_); }

  void run_section(const SectionRun& section, Reporter& reporter) override {
    sqlite::ProgressWatch watch(connection_, section.revision, reporter,
                                {options_.progress_after, options_.progress_interval},
                                section.rebuilt);
    sqlite::run_section(connection_, section, watch);
  }

 private:
  std::string path_;
  RunnerOptions options_;
  sqlite::Connection connection_;
  sqlite::BusyWait busy_wait_;
  std::optional<sqlite::Transaction> transaction_;
  bool restore_foreign_keys_ = false;
};

}  // namespace

std::unique_ptr<Session> open_sqlite_session(const std::string& database_path,
                                             const RunnerOptions& options) {
  return std::make_unique<SqliteSession>(database_path, options);
}

Runner open_sqlite_runner(const std::string& database_path, const RunnerOptions& options) {
  return Runner(open_sqlite_session(database_path, options), options);
}

}  // namespace dbmigrate
