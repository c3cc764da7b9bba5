// schema.json after two branches that each added a migration were merged with git: both
// changed its `head` line, so git leaves conflict markers in it (the designed signal).
#pragma once

#include <optional>
#include <string>

#include "cli/project.hpp"

namespace dbmigrate::cli {

// One line saying that schema.json holds git's conflict markers and how to resolve them; none
// when it holds none (or does not exist).
[[nodiscard]] std::optional<std::string> schema_conflict(const Project& project);

// The advice for a schema.json that does not belong to the head revision.
[[nodiscard]] std::string rebuild_schema_advice();

}  // namespace dbmigrate::cli
