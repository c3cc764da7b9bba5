// Schema::create_all(): SQLAlchemy's metadata.create_all() for a fresh SQLite database, so that
// an application's own tests can start from its declarations.
#include <fmt/format.h>
#include <sqlite3.h>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/model.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"
#include "model/spelling.hpp"

namespace dbmigrate {
namespace {

void execute(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return;
  std::string text = message != nullptr ? message : sqlite3_errmsg(db);
  sqlite3_free(message);
  throw Error(ErrorKind::database, fmt::format("create_all: {} (SQLite error {}) in statement '{}'",
                                               text, sqlite3_extended_errcode(db), sql));
}

// Rolls back unless committed; never throws from the destructor.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { execute(db_, "BEGIN IMMEDIATE"); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (!committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    execute(db_, "COMMIT");
    committed_ = true;
  }

 private:
  sqlite3* db_;
  bool committed_ = false;
};

// The first object of `snapshot` the database already has, by SQLite's case-blind names.
std::optional<std::string> existing_object(sqlite3* db, const Snapshot& snapshot) {
  sqlite::Statement objects(db, "SELECT type, name FROM main.sqlite_schema");
  while (objects.step()) {
    const auto name = objects.text(1);
    auto taken = [&](const std::string& declared) {
      return same_identifier(declared, name);
    };
    for (const auto& table : snapshot.tables) {
      if (taken(table.name)) return fmt::format("table '{}'", table.name);
      for (const auto& index : table.indexes) {
        if (taken(index.name)) return fmt::format("index '{}'", index.name);
      }
    }
    for (const auto& view : snapshot.views) {
      if (taken(view.name)) return fmt::format("view '{}'", view.name);
    }
    for (const auto& trigger : snapshot.triggers) {
      if (taken(trigger.name)) return fmt::format("trigger '{}'", trigger.name);
    }
  }
  return std::nullopt;
}

}  // namespace

void Schema::create_all(sqlite3* db) const {
  const Snapshot target = without_rename_hints(snapshot());
  Transaction transaction(db);
  if (auto existing = existing_object(db, target)) {
    throw Error(ErrorKind::input,
                fmt::format("create_all: {} already exists in the database; create_all() builds a "
                            "fresh database (use migrations to change an existing one)",
                            *existing));
  }
  const auto script = SqliteDialect().render({}, diff({}, target));
  for (const auto& statement : script.statements) execute(db, statement.sql);
  transaction.commit();
}

void Schema::create_all(const std::string& database_path) const {
  sqlite::Connection db(database_path);
  create_all(db.handle());
}

}  // namespace dbmigrate
