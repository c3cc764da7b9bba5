// flock(2) on the migrations folder: short sleeps while another command holds it.
#include "cli/folder_lock.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

#include "dbmigrate/error.hpp"

namespace dbmigrate::cli {

FolderLock::FolderLock(const std::filesystem::path& folder, std::chrono::milliseconds timeout) {
  // O_CLOEXEC: a snapshot tool the command starts must not inherit, and so outlive, the lock.
  fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) {
    throw Error(ErrorKind::input, fmt::format("cannot open the migrations folder '{}': {}",
                                              folder.string(), std::strerror(errno)));
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::chrono::milliseconds pause{1};
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    if (error == EINTR) continue;
    if (error != EWOULDBLOCK) {
      ::close(fd_);
      throw Error(ErrorKind::input, fmt::format("cannot lock the migrations folder '{}': {}",
                                                folder.string(), std::strerror(error)));
    }
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      ::close(fd_);
      throw Error(ErrorKind::database,
                  fmt::format("the migrations folder '{}' is locked by another dbmigrate command "
                              "(migrate, revision or merge); waited {:g} s. Run again when it has "
                              "finished, or raise the wait with {}",
                              folder.string(), static_cast<double>(timeout.count()) / 1000,
                              lock_timeout_setting));
    }
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(pause, deadline - now));
    pause = std::min(pause * 2, std::chrono::milliseconds{100});
  }
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the lock
}

}  // namespace dbmigrate::cli
