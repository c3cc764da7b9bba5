// Online backup: a page copy, so the backup opens with the same schema and rows as the
// original. SQLite's backup API refuses a source connection inside a write transaction, so the
// copy reads through a second, read-only connection: the runner's lock keeps every other writer
// out, and that connection sees the last committed state, as it was before this run.
#include "dialect/sqlite/sqlite_backup.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <optional>
#include <string>

#include "dbmigrate/error.hpp"

namespace dbmigrate::sqlite {
namespace {

std::string utc_stamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

[[noreturn]] void fail(std::string_view database, const std::filesystem::path& backup,
                       std::string_view why) {
  throw Error(ErrorKind::input,
              fmt::format("cannot back up '{}' to '{}': {}; the run stopped before the change "
                          "the backup was for — free space or fix the folder's permissions and "
                          "run again",
                          database, backup.string(), why));
}

// Gives the finished copy `target`'s name unless a file has it: false then.
bool publish(const std::filesystem::path& copy, const std::filesystem::path& target) {
  if (::renameat2(AT_FDCWD, copy.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0) {
    return true;
  }
  if (errno != EINVAL && errno != ENOSYS) return false;
  // A file system without RENAME_NOREPLACE: a hard link claims the name as exclusively.
  if (::link(copy.c_str(), target.c_str()) != 0) return false;
  ::unlink(copy.c_str());
  return true;
}

// Makes the new name durable; failure here loses nothing, the backup is complete.
void sync_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

// The copy while it is written: created exclusively, removed unless it was published.
class PartialCopy {
 public:
  explicit PartialCopy(const std::string& database) : database_(database) {
    std::string name = database + ".partial-backup-XXXXXX";
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    path_ = name;
    if (fd_ < 0) fail(database, path_, std::strerror(errno));
    // The mode of the database itself, as SQLite gives its journals.
    struct stat status {};
    if (::stat(database.c_str(), &status) == 0) (void)::fchmod(fd_, status.st_mode & 0666);
  }
  PartialCopy(const PartialCopy&) = delete;
  PartialCopy& operator=(const PartialCopy&) = delete;
  ~PartialCopy() {
    if (fd_ >= 0) ::close(fd_);
    if (!published_) ::unlink(path_.c_str());
  }

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  // Syncs the copy and names it `<database>.backup-<stamp>`, `-2`, ...; returns that name.
  std::filesystem::path publish_as_backup() {
    if (::fsync(fd_) != 0) fail(database_, path_, std::strerror(errno));
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0) fail(database_, path_, std::strerror(errno));
    const auto base = fmt::format("{}.backup-{}", database_, utc_stamp());
    std::filesystem::path target = base;
    for (int counter = 2; !publish(path_, target); ++counter) {
      if (errno != EEXIST) fail(database_, target, std::strerror(errno));
      target = fmt::format("{}-{}", base, counter);
    }
    published_ = true;
    sync_folder(target.parent_path());
    return target;
  }

 private:
  std::string database_;
  std::filesystem::path path_;
  int fd_ = -1;
  bool published_ = false;
};

// Copies `database` into the (empty) file `copy` with the online backup API.
void copy_pages(const std::string& database, const std::filesystem::path& copy) {
  auto failed = [&](sqlite3* db) {
    // SQLite says "disk I/O error"; the system's own word says which (a full disk, a quota).
    const int error = sqlite3_system_errno(db);
    fail(database, copy,
         error == 0 ? std::string(sqlite3_errmsg(db))
                    : fmt::format("{}: {}", sqlite3_errmsg(db), std::strerror(error)));
  };
  std::optional<Connection> source;
  std::optional<Connection> target;
  try {
    source.emplace(database, SQLITE_OPEN_READONLY | SQLITE_OPEN_PRIVATECACHE);
    target.emplace(copy.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_PRIVATECACHE);
    // The copy is thrown away if anything fails: a journal beside it would only be left over.
    target->execute("PRAGMA journal_mode = OFF");
  } catch (const Error& error) {
    fail(database, copy, error.what());
  }
  sqlite3_backup* backup = sqlite3_backup_init(target->handle(), "main", source->handle(), "main");
  if (backup == nullptr) failed(target->handle());
  const int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);  // sets the target's error message when the step failed
  if (rc != SQLITE_DONE) failed(target->handle());
}

}  // namespace

std::filesystem::path backup_database(Connection& connection) {
  const char* file = sqlite3_db_filename(connection.handle(), "main");
  if (file == nullptr || *file == '\0') return {};
  PartialCopy copy(file);
  copy_pages(file, copy.path());
  return copy.publish_as_backup();
}

}  // namespace dbmigrate::sqlite
