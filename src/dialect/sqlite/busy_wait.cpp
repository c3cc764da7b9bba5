// The lock wait: SQLite's busy timeout sleeps briefly first, so that a lock released quickly
// costs little, then longer, never past the deadline.
#include "dialect/sqlite/busy_wait.hpp"

#include <fmt/format.h>

#include <utility>

namespace dbmigrate::sqlite {

BusyWait::BusyWait(Connection& connection, std::chrono::milliseconds timeout,
                   std::string setting)
    : timeout_(timeout), setting_(std::move(setting)) {
  connection.set_busy_timeout(timeout);
}

Error BusyWait::locked(const std::string& path) const {
  return Error(ErrorKind::database,
               fmt::format("database '{}' is locked by another DbMigrate run; waited {:g} s. Run "
                           "again when it has finished, or raise the wait with {}",
                           path, static_cast<double>(timeout_.count()) / 1000, setting_));
}

}  // namespace dbmigrate::sqlite
