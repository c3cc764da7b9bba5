// Reading a whole file with POSIX calls: every command reads every revision file, so this stays
// a few system calls a file, without stream machinery.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "dbmigrate/revision.hpp"
#include "revision/descriptor.hpp"
#include "revision/file_buffer.hpp"

namespace dbmigrate {

void fail_to_read(const std::filesystem::path& path, int error) {
  throw Error(ErrorKind::input,
              fmt::format("{}: cannot read the file: {}; check that it exists and is readable",
                          path.string(), std::strerror(error)));
}

FileBuffer::FileBuffer(std::size_t capacity)
    : capacity_(capacity > 0 ? capacity : 1),
      data_(std::make_unique_for_overwrite<char[]>(capacity_)) {}

std::optional<std::string_view> FileBuffer::read_all(int fd) {
  std::size_t used = 0;
  while (true) {
    if (used == capacity_) {
      auto bigger = std::make_unique_for_overwrite<char[]>(capacity_ * 2);
      std::memcpy(bigger.get(), data_.get(), capacity_);
      data_ = std::move(bigger);
      capacity_ *= 2;
    }
    const ssize_t got = ::read(fd, data_.get() + used, capacity_ - used);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return std::nullopt;
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  return std::string_view(data_.get(), used);
}

std::string read_file(const std::filesystem::path& path) {
  const Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) fail_to_read(path, errno);
  struct stat status {};
  if (::fstat(file.get(), &status) != 0) fail_to_read(path, errno);
  if (S_ISDIR(status.st_mode)) fail_to_read(path, EISDIR);
  // The size is a first guess: a file that grows while it is read is read to its end.
  FileBuffer buffer(static_cast<std::size_t>(status.st_size > 0 ? status.st_size : 0) + 1);
  const auto text = buffer.read_all(file.get());
  if (!text) fail_to_read(path, errno);
  return std::string(*text);
}

}  // namespace dbmigrate
