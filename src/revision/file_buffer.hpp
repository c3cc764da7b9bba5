// Reading whole files: a buffer that keeps its memory from one file to the next, and the one
// message for a file that cannot be read.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

namespace dbmigrate {

[[noreturn]] void fail_to_read(const std::filesystem::path& path, int error);

class FileBuffer {
 public:
  explicit FileBuffer(std::size_t capacity = 64 * 1024);

  // Everything `fd` holds from here, valid until the next read; nothing when read(2) fails,
  // errno saying why. Reads until read(2) returns 0: some file systems (FUSE, network mounts)
  // return less than asked before the end of a file.
  std::optional<std::string_view> read_all(int fd);

 private:
  std::size_t capacity_;
  std::unique_ptr<char[]> data_;
};

}  // namespace dbmigrate
