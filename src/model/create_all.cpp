// Schema::create_all(): SQLAlchemy's metadata.create_all() for a fresh database, so that an
// application's own tests can start from its declarations. The database's dialect renders and
// runs the schema through its session, in one transaction.
#include <fmt/format.h>

#include <optional>

#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/model.hpp"
#include "dbmigrate/runner.hpp"
#include "dbmigrate/session.hpp"

namespace dbmigrate {
namespace {

// The database's refusal, said as create_all's.
[[noreturn]] void refused(const DatabaseError& error) {
  throw DatabaseError(error, error.kind(),
                      fmt::format("create_all: {} (database error {}) in statement '{}'",
                                  error.reason(), error.code(), error.statement()));
}

// The first object of `wanted` the database already has, by the dialect's rule for names.
std::optional<std::string> existing_object(const Dialect& dialect, const Snapshot& database,
                                           const Snapshot& wanted) {
  std::vector<std::string> names;
  for (const auto& table : database.tables) {
    names.push_back(table.name);
    for (const auto& index : table.indexes) names.push_back(index.name);
  }
  for (const auto& view : database.views) names.push_back(view.name);
  for (const auto& trigger : database.triggers) names.push_back(trigger.name);
  auto taken = [&](const std::string& declared) {
    for (const auto& name : names) {
      if (dialect.same_name(declared, name)) return true;
    }
    return false;
  };
  for (const auto& table : wanted.tables) {
    if (taken(table.name)) return fmt::format("table '{}'", table.name);
    for (const auto& index : table.indexes) {
      if (taken(index.name)) return fmt::format("index '{}'", index.name);
    }
  }
  for (const auto& view : wanted.views) {
    if (taken(view.name)) return fmt::format("view '{}'", view.name);
  }
  for (const auto& trigger : wanted.triggers) {
    if (taken(trigger.name)) return fmt::format("trigger '{}'", trigger.name);
  }
  return std::nullopt;
}

}  // namespace

void Schema::create_all(const std::string& database_path) const {
  const Snapshot target = without_rename_hints(snapshot());
  const Dialect& dialect = dialect_for_url(database_path, /*bare_paths=*/true);
  const RunnerOptions options;
  const auto session = dialect.open_session(dialect.database_location(database_path), options);
  try {
    session->begin_locked();
    try {
      if (auto existing = existing_object(dialect, session->inspect(), target)) {
        throw Error(ErrorKind::input,
                    fmt::format("create_all: {} already exists in the database; create_all() "
                                "builds a fresh database (use migrations to change an existing "
                                "one)",
                                *existing));
      }
      for (const auto& statement : dialect.render({}, diff({}, target)).statements) {
        session->execute(statement.sql);
      }
      session->commit();
    } catch (...) {
      session->rollback();
      throw;
    }
  } catch (const DatabaseError& error) {
    refused(error);
  }
}

}  // namespace dbmigrate
