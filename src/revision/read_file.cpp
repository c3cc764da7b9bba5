// Reading a whole file with a standard stream, and the one message for a file that cannot be
// read.
#include <fmt/format.h>

#include <cerrno>
#include <fstream>
#include <system_error>

#include "dbmigrate/revision.hpp"
#include "revision/file_text.hpp"

namespace dbmigrate {

void fail_to_read(const std::filesystem::path& path, const std::error_code& error) {
  throw Error(ErrorKind::input,
              fmt::format("{}: cannot read the file: {}; check that it exists and is readable",
                          path.string(), error.message()));
}

std::string read_file(const std::filesystem::path& path) {
  // A folder opens as a stream on some systems and reads as nothing: it is refused first.
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    fail_to_read(path, std::make_error_code(std::errc::is_a_directory));
  }
  errno = 0;
  std::ifstream file(path, std::ios::binary);
  // The C library sets errno when it cannot open a file (POSIX and the Windows CRT alike).
  const auto failure = [&] {
    return std::error_code(errno != 0 ? errno : EIO, std::generic_category());
  };
  if (!file) fail_to_read(path, failure());
  std::string text;
  char block[64 * 1024];
  while (file.read(block, sizeof block) || file.gcount() > 0) {
    text.append(block, static_cast<std::size_t>(file.gcount()));
  }
  if (file.bad()) fail_to_read(path, failure());
  return text;
}

}  // namespace dbmigrate
