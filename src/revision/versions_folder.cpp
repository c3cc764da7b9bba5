// Loading the versions folder. Every command starts here, and a project may hold hundreds of
// revisions, so the folder is listed with readdir and each file is opened relative to it and read
// into a buffer kept for the next file. A large folder is read by two threads taking files in
// turn; errors are those of a reading in order.
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "dbmigrate/revision.hpp"
#include "revision/descriptor.hpp"
#include "revision/duplicate_ids.hpp"
#include "revision/file_buffer.hpp"

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

  // Names of the `*.sql` files (symbolic links followed), sorted. Editors leave backups and
  // lock files beside the revisions: only `*.sql` files count, and no hidden ones (Emacs's lock
  // `.#x.sql` is a dangling link, macOS's `._x.sql` is metadata). Any other `*.sql` entry that
  // is not a file would make a revision vanish from the graph without a word: it is an error.
  std::vector<std::string> revision_names() {
    std::vector<std::string> names;
    errno = 0;
    while (const dirent* entry = ::readdir(stream_)) {
      const std::string_view name = entry->d_name;
      if (name.size() > 4 && name.ends_with(".sql") && !name.starts_with('.')) {
        require_regular(*entry);
        names.emplace_back(name);
      }
      errno = 0;
    }
    if (errno != 0) {
      throw Error(ErrorKind::input, fmt::format("{}: cannot list the versions folder: {}",
                                                path_.string(), std::strerror(errno)));
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  [[nodiscard]] int descriptor() const { return ::dirfd(stream_); }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  void require_regular(const dirent& entry) const {
    if (entry.d_type == DT_REG) return;
    struct stat status {};
    const char* what = nullptr;
    if (::fstatat(::dirfd(stream_), entry.d_name, &status, 0) != 0) {
      const int error = errno;
      struct stat link {};
      const bool dangling = error == ENOENT && ::fstatat(::dirfd(stream_), entry.d_name, &link,
                                                         AT_SYMLINK_NOFOLLOW) == 0;
      if (!dangling) fail_to_read(path_ / entry.d_name, error);
      what = "a dangling symbolic link (its target is missing)";
    } else if (S_ISREG(status.st_mode)) {
      return;
    } else {
      what = S_ISDIR(status.st_mode)    ? "a folder"
             : S_ISFIFO(status.st_mode) ? "a FIFO"
                                        : "a special file (a socket or a device)";
    }
    throw Error(ErrorKind::input,
                fmt::format("{}: is {}, not a revision file; every '*.sql' entry of the versions "
                            "folder must be a revision file: restore it, or remove or rename it",
                            (path_ / entry.d_name).string(), what));
  }

  std::filesystem::path path_;
  DIR* stream_;
};

// Reads files of the folder into a buffer of its own, kept from one file to the next.
class Reader {
 public:
  explicit Reader(const Folder& folder) : folder_(folder) {}

  // The file's content, valid until the next read.
  std::string_view read(const std::string& name) {
    // O_NONBLOCK: a FIFO put where a revision was listed reads as empty instead of blocking.
    const Descriptor file(
        ::openat(folder_.descriptor(), name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (file.get() < 0) fail_to_read(folder_.path() / name, errno);
    const auto text = buffer_.read_all(file.get());
    if (!text) fail_to_read(folder_.path() / name, errno);
    return *text;
  }

  Revision load(const std::string& name) {
    const std::string_view text = read(name);
    Revision revision = parse_revision(text, folder_.path() / name);
    revision.checksum =
        revision_file_checksum(text);  // read once: the runner compares it with the history
    return revision;
  }

 private:
  const Folder& folder_;
  FileBuffer buffer_;
};

// Revisions loaded into their slots by whichever thread takes each file next; the caller's
// `meanwhile` task is the first thing taken. A thread stops at its first bad file; as files are
// taken in name order, the error of the first bad file is the smallest index recorded, whichever
// thread met it.
class SharedLoad {
 public:
  SharedLoad(const Folder& folder, const std::vector<std::string>& names,
             const std::function<void()>& meanwhile)
      : folder_(folder), names_(names), meanwhile_(meanwhile), revisions_(names.size()) {
    if (!meanwhile_) next_ = 1;  // nothing to run first
  }

  // Never throws: it runs on a thread of its own too. An error is kept with the index of the
  // file it came from (after every file for one that none did, such as memory running out).
  void work() noexcept {
    std::size_t index = names_.size();
    try {
      Reader reader(folder_);
      while (!failed_.load(std::memory_order_relaxed)) {
        const std::size_t task = next_.fetch_add(1, std::memory_order_relaxed);
        if (task == 0) {
          run_meanwhile();
          continue;
        }
        index = task - 1;
        if (index >= names_.size()) return;
        revisions_[index] = reader.load(names_[index]);
      }
    } catch (...) {
      const std::lock_guard lock(error_mutex_);
      if (!error_ || index < error_index_) {
        error_ = std::current_exception();
        error_index_ = index;
      }
      failed_.store(true, std::memory_order_relaxed);
    }
  }

  // After every thread has returned from work(): `meanwhile` runs now if no thread could start.
  void run_meanwhile_if_left() noexcept {
    if (meanwhile_ && next_.load() == 0) run_meanwhile();
  }

  // After every thread has returned from work(): the revisions, or the first bad file's error.
  std::vector<Revision> revisions() {
    if (error_) std::rethrow_exception(error_);
    return std::move(revisions_);
  }

  void rethrow_meanwhile_error() const {
    if (meanwhile_error_) std::rethrow_exception(meanwhile_error_);
  }

 private:
  void run_meanwhile() noexcept {
    try {
      meanwhile_();
    } catch (...) {
      meanwhile_error_ = std::current_exception();
    }
  }

  const Folder& folder_;
  const std::vector<std::string>& names_;
  const std::function<void()>& meanwhile_;
  std::vector<Revision> revisions_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> failed_{false};
  std::mutex error_mutex_;
  std::exception_ptr error_;
  std::size_t error_index_ = 0;
  std::exception_ptr meanwhile_error_;
};

// A second thread pays off from a few dozen files, or beside a task of the caller's, and only
// with a second core to run on.
bool worth_a_second_thread(std::size_t files, bool meanwhile) {
  return (files >= 32 || meanwhile) && std::thread::hardware_concurrency() > 1;
}

}  // namespace

std::vector<Revision> load_revisions(const std::filesystem::path& versions_dir,
                                     const std::function<void()>& meanwhile) {
  std::optional<Folder> folder;
  std::vector<std::string> names;
  try {
    folder.emplace(versions_dir);
    names = folder->revision_names();
  } catch (...) {
    try {
      if (meanwhile) meanwhile();  // runs whatever happens; the folder's error comes first
    } catch (...) {
    }
    throw;
  }
  SharedLoad load(*folder, names, meanwhile);
  std::thread helper;
  if (worth_a_second_thread(names.size(), static_cast<bool>(meanwhile))) {
    try {
      helper = std::thread([&load] { load.work(); });
    } catch (const std::system_error&) {
      // no thread to be had: this one does everything
    }
  }
  load.work();
  if (helper.joinable()) helper.join();
  load.run_meanwhile_if_left();
  auto revisions = load.revisions();
  reject_duplicate_ids(revisions);
  load.rethrow_meanwhile_error();
  return revisions;
}

std::vector<Revision> load_revisions(const std::filesystem::path& versions_dir) {
  return load_revisions(versions_dir, {});
}

}  // namespace dbmigrate
