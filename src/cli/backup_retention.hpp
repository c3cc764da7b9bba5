// Keeping the newest backups of a database: a backup is written before every destructive run,
// and without a limit they pile up beside the database.
#pragma once

#include <filesystem>
#include <vector>

namespace dbmigrate::cli {

// After `written` (`<database>.backup-<UTC time>[-N]`) was made: removes the oldest backups of
// the same database beyond the newest `keep` (0 keeps every one); returns the removed files,
// oldest first. A backup that cannot be removed is left, and not returned.
std::vector<std::filesystem::path> remove_old_backups(const std::filesystem::path& written,
                                                      int keep);

}  // namespace dbmigrate::cli
