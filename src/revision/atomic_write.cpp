// Atomic file replacement: temp file in the target's folder, fsync, rename(2).
//
// rename() within one file system replaces the target in a single step, so a reader (or a
// crash) sees the old file or the new one. The temp file must therefore live in the same
// folder; it is removed on every failure path.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "dbmigrate/revision.hpp"

namespace dbmigrate {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, int error) {
  throw Error(ErrorKind::input,
              fmt::format("cannot write {}: {}; check that its folder exists and is writable",
                          path.string(), std::strerror(error)));
}

// Closes the descriptor and removes the temp file unless the rename has taken it over.
class TempFile {
 public:
  explicit TempFile(const std::filesystem::path& target) {
    std::random_device device;
    std::uniform_int_distribution<int> digit(0, 15);
    // O_EXCL makes a name collision (another writer) an EEXIST to retry, never a shared file.
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string suffix;
      for (int i = 0; i < 8; ++i) suffix += "0123456789abcdef"[digit(device)];
      path_ = target;
      path_ += fmt::format(".tmp-{}", suffix);
      // 0666 and the umask give the mode any new file would get.
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd_ >= 0 || errno != EEXIST) break;
    }
    if (fd_ < 0) fail(target, errno);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!renamed_) ::unlink(path_.c_str());
  }

  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // close() reports the last write errors of some file systems (NFS), so it is checked.
  [[nodiscard]] int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }
  void renamed() { renamed_ = true; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  bool renamed_ = false;
};

void write_all(int fd, std::string_view content, const std::filesystem::path& target) {
  while (!content.empty()) {
    const auto written = ::write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) fail(target, errno);
    content.remove_prefix(static_cast<std::size_t>(written));
  }
}

// Makes the rename itself durable; failure here loses nothing, the new file is in place.
void sync_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  TempFile temp(path);
  // An edited file keeps its permissions when it is replaced.
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    (void)::fchmod(temp.fd(), existing.st_mode & 07777);
  }
  write_all(temp.fd(), content, path);
  if (::fsync(temp.fd()) != 0) fail(path, errno);
  if (temp.close() != 0) fail(path, errno);
  if (::rename(temp.path().c_str(), path.c_str()) != 0) fail(path, errno);
  temp.renamed();
  sync_folder(path.parent_path());
}

}  // namespace dbmigrate
