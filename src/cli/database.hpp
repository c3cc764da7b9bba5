// The database a command works on: the URL from --url, DATABASE_URL or the project setting.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/project.hpp"

namespace dbmigrate::cli {

// The URL the user named: --url, else DATABASE_URL; empty when neither is given.
[[nodiscard]] std::string named_database_url(const CommonOptions& options);
// Whether the user named a database (--url or DATABASE_URL), not only the project's setting:
// commands that need none (check, history) look at one only then.
[[nodiscard]] bool database_given(const CommonOptions& options);
// The SQLite file (or ":memory:") the options name; throws Error(usage) when none is named.
[[nodiscard]] std::string database_path(const CommonOptions& options, const Project& project);
[[nodiscard]] std::optional<std::string> optional_database_path(const CommonOptions& options, const Project& project);

// The heads a database's version table holds, read without writing anything (an absent
// file or table: none).
[[nodiscard]] std::vector<std::string> read_current_heads(const Dialect& dialect,
                                                         const std::string& path);

}  // namespace dbmigrate::cli
