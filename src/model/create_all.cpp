// Schema::create_all(): SQLAlchemy's metadata.create_all() for a fresh SQLite database, so that
// an application's own tests can start from its declarations.
#include <fmt/format.h>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/model.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"
#include "model/spelling.hpp"

namespace dbmigrate {
namespace {

// SQLite's refusal, said as create_all's.
[[noreturn]] void refused(const DatabaseError& error) {
  throw DatabaseError(error, error.kind(),
                      fmt::format("create_all: {} (SQLite error {}) in statement '{}'",
                                  error.reason(), error.code(), error.statement()));
}

// The first object of `snapshot` the database already has, by SQLite's case-blind names.
std::optional<std::string> existing_object(const sqlite::Connection& db, const Snapshot& snapshot) {
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

void Schema::create_all(const std::string& database_path) const {
  sqlite::Connection db(database_path);
  const Snapshot target = without_rename_hints(snapshot());
  try {
    sqlite::Transaction transaction(db);
    if (auto existing = existing_object(db, target)) {
      throw Error(ErrorKind::input,
                  fmt::format("create_all: {} already exists in the database; create_all() builds "
                              "a fresh database (use migrations to change an existing one)",
                              *existing));
    }
    const auto script = SqliteDialect().render({}, diff({}, target));
    for (const auto& statement : script.statements) db.execute(statement.sql);
    transaction.commit();
  } catch (const DatabaseError& error) {
    refused(error);
  }
}

}  // namespace dbmigrate
