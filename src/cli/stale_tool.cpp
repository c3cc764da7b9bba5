#include "cli/stale_tool.hpp"

#include <fmt/format.h>

#include <sstream>
#include <string>
#include <system_error>

#include "dbmigrate/error.hpp"
#include "dbmigrate/revision.hpp"

namespace fs = std::filesystem;

namespace dbmigrate::cli {

void refuse_stale_tool(const fs::path& tool) {
  const fs::path list = fs::path(tool.string() + ".sources");
  std::error_code error;
  if (!fs::is_regular_file(list, error)) return;
  const auto built = fs::last_write_time(tool, error);
  if (error) return;
  std::istringstream sources(read_file(list));
  for (std::string source; std::getline(sources, source);) {
    if (source.empty()) continue;
    const auto changed = fs::last_write_time(source, error);
    if (error || changed <= built) continue;  // a source that is gone fails the build itself
    throw Error(ErrorKind::input,
                fmt::format("snapshot tool '{}' is older than its source '{}', which changed after it was "
                            "built (an edit, a git merge or checkout), so it would print the model as it "
                            "was: rebuild it with 'cmake --build <build dir> --target {}', or use the "
                            "targets db_migrate and db_check, which rebuild it first",
                            tool.string(), source, tool.stem().string()));
  }
}

}  // namespace dbmigrate::cli
