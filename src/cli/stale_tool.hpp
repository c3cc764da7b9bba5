// A snapshot tool older than its model sources prints the model as it was when it was built:
// after an edit, a `git merge` or a checkout, it would report changes that were never made.
#pragma once

#include <filesystem>

namespace dbmigrate::cli {

// Refuses, with Error(input) saying how to rebuild it, a tool that one of its sources is newer
// than. The sources are the lines of `<tool>.sources`, which add_db_migrations() writes beside
// the tool it builds; a tool without that file is not checked.
void refuse_stale_tool(const std::filesystem::path& tool);

}  // namespace dbmigrate::cli
