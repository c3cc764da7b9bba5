// The lock that keeps two commands from writing revisions into one migrations folder at once:
// two `migrate` runs would each build on the same head and fork the graph.
#pragma once

#include <chrono>
#include <filesystem>

namespace dbmigrate::cli {

// How a user raises the wait for a lock (the folder's or the database's), named in the
// message given on timeout.
inline constexpr const char* lock_timeout_setting =
    "--lock-timeout SECONDS (DB_LOCK_TIMEOUT=SECONDS for the CMake targets)";

class FolderLock {
 public:
  // Takes an exclusive flock(2) on the folder itself, waiting up to `timeout` for another
  // command holding it; the kernel releases it when this process ends, however it ends, and
  // no lock file is left behind to commit or clean up. Throws Error(database) naming the
  // folder and the setting that raises the wait.
  FolderLock(const std::filesystem::path& folder, std::chrono::milliseconds timeout);
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;
  ~FolderLock();

 private:
  int fd_ = -1;
};

}  // namespace dbmigrate::cli
