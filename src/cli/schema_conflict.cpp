#include "cli/schema_conflict.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <sstream>

#include "dbmigrate/revision.hpp"

namespace dbmigrate::cli {

std::optional<std::string> schema_conflict(const Project& project) {
  if (!std::filesystem::exists(project.schema_path())) return std::nullopt;
  std::istringstream text(read_file(project.schema_path()));
  for (std::string line; std::getline(text, line);) {
    if (line.starts_with("<<<<<<<") || line.starts_with(">>>>>>>")) {
      return fmt::format(
          "{} has git conflict markers: two branches each added a migration; keep either side "
          "(git checkout --ours {}), then join the heads with 'dbmigrate merge -m MSG heads' "
          "(target db_merge), which rebuilds schema.json from the revisions (docs/guide.md, "
          "\"Parallel branches\")",
          project.schema_path().string(), project.schema_path().string());
    }
  }
  return std::nullopt;
}

std::string rebuild_schema_advice() {
  return "rebuild it from the revisions with 'dbmigrate rebuild-schema' (target db_rebuild_schema)";
}

}  // namespace dbmigrate::cli
