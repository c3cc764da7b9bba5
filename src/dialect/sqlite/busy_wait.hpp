// Waiting for the database lock another run holds. SQLite's own busy timeout cannot tell its
// caller that it gave up, so the session installs this handler: it waits up to the timeout and
// remembers giving up, and a failed operation is then reported as "locked by another run"
// rather than as whichever statement happened to meet the lock.
#pragma once

#include <chrono>
#include <string>
#include <utility>

#include "dbmigrate/error.hpp"
#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::sqlite {

class BusyWait {
 public:
  // Installs itself as the connection's busy handler; must outlive the connection's use.
  // `setting` says how to raise the timeout ("--lock-timeout SECONDS").
  BusyWait(Connection& connection, std::chrono::milliseconds timeout, std::string setting);
  BusyWait(const BusyWait&) = delete;
  BusyWait& operator=(const BusyWait&) = delete;

  // Runs `operation`; an Error it throws after the handler gave up waiting becomes
  // Error(database) "database '<path>' is locked by another DbMigrate run; waited N s", naming
  // the setting.
  template <typename F>
  auto guard(const std::string& path, F&& operation) {
    gave_up_ = false;
    try {
      return std::forward<F>(operation)();
    } catch (const Error&) {
      if (gave_up_) throw locked(path);
      throw;
    }
  }

 private:
  static int on_busy(void* self, int attempt) noexcept;
  [[nodiscard]] Error locked(const std::string& path) const;

  std::chrono::milliseconds timeout_;
  std::string setting_;
  std::chrono::steady_clock::time_point since_{};
  bool gave_up_ = false;
};

}  // namespace dbmigrate::sqlite
