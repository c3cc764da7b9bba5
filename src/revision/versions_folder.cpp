// Loading the versions folder. Every command starts here, and a project may hold hundreds of
// revisions, so the folder is listed with readdir and each file is opened relative to it and read
// with one read(2) into a buffer kept for the next file: three system calls a revision.
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "dbmigrate/revision.hpp"
#include "revision/duplicate_ids.hpp"

namespace dbmigrate {
namespace {

// The folder open as a directory stream; its descriptor anchors openat() for each file.
class Folder {
 public:
  explicit Folder(const std::filesystem::path& path)
      : path_(path), stream_(::opendir(path.c_str())) {
    if (stream_ == nullptr) {
      throw Error(ErrorKind::input,
                  fmt::format("{}: cannot list the versions folder: {}; run 'dbmigrate init' to "
                              "create it or pass the migrations folder with --dir",
                              path.string(), std::strerror(errno)));
    }
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  ~Folder() { ::closedir(stream_); }

  // Names of the `*.sql` regular files (symbolic links followed), sorted. Editors leave
  // backups and lock files beside the revisions: only `*.sql` files count.
  std::vector<std::string> revision_names() {
    std::vector<std::string> names;
    errno = 0;
    while (const dirent* entry = ::readdir(stream_)) {
      const std::string_view name = entry->d_name;
      if (name.size() > 4 && name.ends_with(".sql") && is_regular(*entry)) names.emplace_back(name);
      errno = 0;
    }
    if (errno != 0) {
      throw Error(ErrorKind::input, fmt::format("{}: cannot list the versions folder: {}",
                                                path_.string(), std::strerror(errno)));
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  // The file's content, valid until the next read. For a regular file a short read is its end.
  std::string_view read(const std::string& name) {
    const int fd = ::openat(::dirfd(stream_), name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(name, errno);
    std::size_t used = 0;
    while (true) {
      const ssize_t got = ::read(fd, buffer_.get() + used, capacity_ - used);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        const int error = errno;
        ::close(fd);
        fail(name, error);
      }
      used += static_cast<std::size_t>(got);
      if (used < capacity_) break;  // short read: the end of the file
      grow();
    }
    ::close(fd);
    return {buffer_.get(), used};
  }

 private:
  bool is_regular(const dirent& entry) const {
    if (entry.d_type == DT_REG) return true;
    if (entry.d_type != DT_UNKNOWN && entry.d_type != DT_LNK) return false;
    struct stat status {};
    return ::fstatat(::dirfd(stream_), entry.d_name, &status, 0) == 0 && S_ISREG(status.st_mode);
  }

  [[noreturn]] void fail(const std::string& name, int error) const {
    throw Error(ErrorKind::input,
                fmt::format("{}: cannot read the file: {}; check that it exists and is readable",
                            (path_ / name).string(), std::strerror(error)));
  }

  void grow() {
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity_ * 2);
    std::memcpy(bigger.get(), buffer_.get(), capacity_);
    buffer_ = std::move(bigger);
    capacity_ *= 2;
  }

  std::filesystem::path path_;
  DIR* stream_;
  std::size_t capacity_ = 64 * 1024;
  std::unique_ptr<char[]> buffer_ = std::make_unique_for_overwrite<char[]>(capacity_);
};

}  // namespace

std::vector<Revision> load_revisions(const std::filesystem::path& versions_dir) {
  Folder folder(versions_dir);
  const auto names = folder.revision_names();
  std::vector<Revision> revisions;
  revisions.reserve(names.size());
  for (const auto& name : names) {
    const std::string_view text = folder.read(name);
    Revision revision = parse_revision(text, versions_dir / name);
    revision.checksum = sha256_hex(text);  // read once: the runner compares it with the history
    revisions.push_back(std::move(revision));
  }
  reject_duplicate_ids(revisions);
  return revisions;
}

}  // namespace dbmigrate
