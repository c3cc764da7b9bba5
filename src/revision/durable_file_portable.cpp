// durable_file.hpp where there is no fsync(2): the data is handed to the system and no more.
#include "revision/durable_file.hpp"

namespace dbmigrate {

bool sync_file(std::FILE* file) {
  return std::fflush(file) == 0;
}

void sync_folder(const std::filesystem::path& /*folder*/) {}

}  // namespace dbmigrate
