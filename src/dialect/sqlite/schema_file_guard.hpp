// The bounds of a .sql schema file run by snapshot_from_sql(): the time and memory one statement
// may take, and what the file may do to the connection and the process that run it.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "snapshot/snapshot_checks.hpp"

namespace dbmigrate::sqlite {

// A schema file creates tables, indexes, views and triggers, which takes milliseconds and little
// memory. A statement still running after this long, or holding this much more memory than
// before it, is a mistake (a recursive CTE without a limit) that would otherwise hang the command
// or exhaust the machine. (SQLite's heap limits are for the whole process: a program embedding
// the library must not have them changed under it, so the bound is checked per statement.)
inline constexpr std::chrono::seconds statement_budget{5};
inline constexpr sqlite3_int64 memory_budget = 64LL << 20;

// Interrupts the statement running on `db` once the time or memory set by start() is spent.
class StatementBudget {
 public:
  enum class Spent { nothing, time, memory };

  explicit StatementBudget(sqlite3* db);
  StatementBudget(const StatementBudget&) = delete;
  StatementBudget& operator=(const StatementBudget&) = delete;
  ~StatementBudget();

  void start();
  [[nodiscard]] Spent spent() const { return spent_; }

 private:
  static int check(void* self);

  sqlite3* db_;
  std::chrono::steady_clock::time_point deadline_{};
  sqlite3_int64 memory_limit_ = 0;
  Spent spent_ = Spent::nothing;
};

// SQLite's authorizer, consulted as each statement is prepared: it refuses what a schema file may
// not do (set the process's heap limits or temporary folder, write sqlite_schema, attach files,
// load extensions, create TEMP objects a schema does not keep), and remembers which statement
// created each table, index, view and trigger, for messages that name the line. Also turns on
// SQLite's defensive mode and bounds the length of one value.
class SchemaFileGuard {
 public:
  explicit SchemaFileGuard(sqlite3* db);
  SchemaFileGuard(const SchemaFileGuard&) = delete;
  SchemaFileGuard& operator=(const SchemaFileGuard&) = delete;
  ~SchemaFileGuard();

  // The statement starting at `offset` of the file is prepared next.
  void statement_at(std::size_t offset) {
    offset_ = offset;
    refused_.clear();
  }
  // Why the authorizer refused the statement being prepared; empty when it did not.
  [[nodiscard]] const std::string& refused() const { return refused_; }
  // The offset of the last statement that created `name` as `part`.
  [[nodiscard]] std::optional<std::size_t> created(SnapshotPart part, std::string_view name) const;

 private:
  static int authorize(void* self, int action, const char* first, const char* second,
                       const char* database, const char* trigger);

  sqlite3* db_;
  std::size_t offset_ = 0;
  std::string refused_;
  std::map<std::pair<SnapshotPart, std::string>, std::size_t> created_;
};

}  // namespace dbmigrate::sqlite
