// Online backup: consistent even while other connections read the database, and a page copy,
// so the backup opens with the same schema and rows as the original.
#include "runner/backup.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <optional>
#include <string>

#include "dbmigrate/error.hpp"

namespace dbmigrate::runner {
namespace {

std::string utc_stamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

std::filesystem::path free_backup_path(const std::string& database) {
  const auto base = fmt::format("{}.backup-{}", database, utc_stamp());
  std::filesystem::path path = base;
  for (int counter = 2; std::filesystem::exists(path); ++counter) {
    path = fmt::format("{}-{}", base, counter);
  }
  return path;
}

}  // namespace

std::filesystem::path backup_database(sqlite::Connection& connection,
                                      std::chrono::milliseconds lock_timeout) {
  const char* file = sqlite3_db_filename(connection.handle(), "main");
  if (file == nullptr || *file == '\0') return {};
  const auto path = free_backup_path(file);

  std::optional<sqlite::Connection> target(std::in_place, path.string());
  auto fail = [&](std::string_view why, std::string_view advice) {
    target.reset();
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    throw Error(ErrorKind::database, fmt::format("cannot back up '{}' to '{}': {}; nothing was "
                                                 "migrated — {}",
                                                 file, path.string(), why, advice));
  };
  constexpr std::string_view fix_folder =
      "free space or fix the folder's permissions and run again";
  sqlite3_backup* backup =
      sqlite3_backup_init(target->handle(), "main", connection.handle(), "main");
  if (backup == nullptr) fail(sqlite3_errmsg(target->handle()), fix_folder);
  // Step until done, retrying while another connection holds a lock, up to the lock timeout.
  const auto deadline = std::chrono::steady_clock::now() + lock_timeout;
  int rc;
  while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    if (std::chrono::steady_clock::now() >= deadline) break;
    sqlite3_sleep(50);
  }
  sqlite3_backup_finish(backup);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    fail(fmt::format("the database is locked by another connection; waited {:g} s",
                     static_cast<double>(lock_timeout.count()) / 1000),
         "run again when the other connection has finished");
  }
  if (rc != SQLITE_DONE) fail(sqlite3_errmsg(target->handle()), fix_folder);
  return path;
}

}  // namespace dbmigrate::runner
