// Reading a whole project file in one go: open, fstat for the size, read, close. Every command
// reads every revision file, so this stays a few system calls a file, without stream machinery.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "dbmigrate/revision.hpp"
#include "revision/descriptor.hpp"

namespace dbmigrate {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, int error) {
  throw Error(ErrorKind::input,
              fmt::format("{}: cannot read the file: {}; check that it exists and is readable",
                          path.string(), std::strerror(error)));
}

}  // namespace

std::string read_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(path, errno);
  const Descriptor file(fd);
  struct stat status {};
  if (::fstat(fd, &status) != 0) fail(path, errno);
  if (S_ISDIR(status.st_mode)) fail(path, EISDIR);

  // The size is a first guess: a file that grows while it is read is read to its end.
  std::string text(static_cast<std::size_t>(status.st_size > 0 ? status.st_size : 0) + 1, '\0');
  std::size_t used = 0;
  while (true) {
    if (used == text.size()) text.resize(text.size() * 2);
    const ssize_t got = ::read(fd, text.data() + used, text.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      fail(path, errno);
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  text.resize(used);
  return text;
}

}  // namespace dbmigrate
