// durable_file.hpp on POSIX systems: fsync(2) on the file, then on its folder.
#include <fcntl.h>
#include <unistd.h>

#include "revision/durable_file.hpp"

namespace dbmigrate {

bool sync_file(std::FILE* file) {
  return std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
}

void sync_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace dbmigrate
