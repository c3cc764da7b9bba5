// Waiting for the database lock another run holds: SQLite's busy timeout waits, and a statement
// that still finds the lock taken fails with SQLITE_BUSY, which is then reported as "locked by
// another run" rather than as whichever statement happened to meet the lock.
#pragma once

#include <chrono>
#include <string>
#include <utility>

#include "dbmigrate/error.hpp"
#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::sqlite {

class BusyWait {
 public:
  // Sets the connection's busy timeout. `setting` says how to raise the timeout ("--lock-timeout
  // SECONDS").
  BusyWait(Connection& connection, std::chrono::milliseconds timeout, std::string setting);
  BusyWait(const BusyWait&) = delete;
  BusyWait& operator=(const BusyWait&) = delete;

  // Runs `operation`; a DatabaseError it throws with SQLITE_BUSY becomes Error(database) "database
  // '<path>' is locked by another DbMigrate run; waited N s", naming the setting.
  template <typename F>
  auto guard(const std::string& path, F&& operation) {
    try {
      return std::forward<F>(operation)();
    } catch (const DatabaseError& error) {
      if (is_busy(error)) throw locked(path);
      throw;
    }
  }

 private:
  [[nodiscard]] Error locked(const std::string& path) const;

  std::chrono::milliseconds timeout_;
  std::string setting_;
};

}  // namespace dbmigrate::sqlite
