// Making a written file durable: what the C++ library cannot ask of the system. POSIX systems
// get fsync(2) (durable_file_posix.cpp); elsewhere (durable_file_portable.cpp) the data is only
// handed to the system, which keeps a replacement atomic but not proof against a power cut.
#pragma once

#include <cstdio>
#include <filesystem>

namespace dbmigrate {

// Flushes `file` and asks the system to put its data on disk; false, errno saying why, when
// either fails.
[[nodiscard]] bool sync_file(std::FILE* file);

// Makes a rename in `folder` durable. A failure loses nothing (the file is in place already)
// and is ignored.
void sync_folder(const std::filesystem::path& folder);

}  // namespace dbmigrate
