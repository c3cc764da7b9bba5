// The busy handler: short sleeps first, so that a lock released quickly costs little, then
// longer ones, never past the deadline.
#include "dialect/sqlite/busy_wait.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace dbmigrate::sqlite {

BusyWait::BusyWait(Connection& connection, std::chrono::milliseconds timeout, std::string setting)
    : timeout_(timeout), setting_(std::move(setting)) {
  sqlite3_busy_handler(connection.handle(), &BusyWait::on_busy, this);
}

int BusyWait::on_busy(void* self, int attempt) noexcept {
  auto& wait = *static_cast<BusyWait*>(self);
  const auto now = std::chrono::steady_clock::now();
  if (attempt == 0) wait.since_ = now;
  const auto left =
      wait.timeout_ - std::chrono::duration_cast<std::chrono::milliseconds>(now - wait.since_);
  if (left.count() <= 0) {
    wait.gave_up_ = true;
    return 0;
  }
  const auto pause = std::min<std::chrono::milliseconds::rep>({left.count(), 1 + attempt * 5, 100});
  sqlite3_sleep(static_cast<int>(pause));
  return 1;
}

Error BusyWait::locked(const std::string& path) const {
  return Error(ErrorKind::database,
               fmt::format("database '{}' is locked by another DbMigrate run; waited {:g} s. Run "
                           "again when it has finished, or raise the wait with {}",
                           path, static_cast<double>(timeout_.count()) / 1000, setting_));
}

}  // namespace dbmigrate::sqlite
