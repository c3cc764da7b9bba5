// Atomic file replacement: temp file in the target's folder, synced, then renamed over it.
//
// A rename within one file system replaces the target in a single step, so a reader (or a
// crash) sees the old file or the new one. The temp file must therefore live in the same
// folder; it is removed on every failure path.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <random>
#include <system_error>

#include "dbmigrate/revision.hpp"
#include "revision/durable_file.hpp"

namespace dbmigrate {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& path, const std::error_code& error) {
  throw Error(ErrorKind::input,
              fmt::format("cannot write {}: {}; check that its folder exists and is writable",
                          path.string(), error.message()));
}

// What the C library's last failed call set errno to.
std::error_code last_error() {
  return {errno != 0 ? errno : EIO, std::generic_category()};
}

// Closes the file and removes it unless the rename has taken it over.
class TempFile {
 public:
  explicit TempFile(const fs::path& target) {
    std::random_device device;
    std::uniform_int_distribution<int> digit(0, 15);
    // "x" (exclusive) makes a name collision (another writer) an EEXIST to retry, never a
    // shared file. The mode is the one any new file gets.
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string suffix;
      for (int i = 0; i < 8; ++i) suffix += "0123456789abcdef"[digit(device)];
      path_ = target;
      path_ += fmt::format(".tmp-{}", suffix);
      errno = 0;
      file_ = std::fopen(path_.string().c_str(), "wbx");
      if (file_ != nullptr || errno != EEXIST) break;
    }
    if (file_ == nullptr) fail(target, last_error());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (file_ != nullptr) std::fclose(file_);
    std::error_code ignored;
    if (!renamed_) fs::remove(path_, ignored);
  }

  [[nodiscard]] std::FILE* file() const { return file_; }
  [[nodiscard]] const fs::path& path() const { return path_; }
  // Closing reports the last write errors of some file systems (NFS), so it is checked.
  [[nodiscard]] bool close() {
    const int result = std::fclose(file_);
    file_ = nullptr;
    return result == 0;
  }
  void renamed() { renamed_ = true; }

 private:
  fs::path path_;
  std::FILE* file_ = nullptr;
  bool renamed_ = false;
};

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view content) {
  TempFile temp(path);
  std::error_code error;
  // An edited file keeps its permissions when it is replaced.
  const fs::file_status existing = fs::status(path, error);
  if (!error && fs::is_regular_file(existing)) {
    fs::permissions(temp.path(), existing.permissions(), fs::perm_options::replace, error);
  }
  errno = 0;
  if (std::fwrite(content.data(), 1, content.size(), temp.file()) != content.size()) {
    fail(path, last_error());
  }
  if (!sync_file(temp.file())) fail(path, last_error());
  if (!temp.close()) fail(path, last_error());
  fs::rename(temp.path(), path, error);
  if (error) fail(path, error);
  temp.renamed();
  sync_folder(path.parent_path());
}

}  // namespace dbmigrate
