// Finding the database, and reading its version table without touching it.
#include "cli/database.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "cli/sources.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/runner.hpp"
#include "dbmigrate/session.hpp"

namespace dbmigrate::cli {

std::string named_database_url(const CommonOptions& options) {
  if (!options.url.empty()) return options.url;
  const char* from_environment = std::getenv("DATABASE_URL");
  return from_environment != nullptr ? std::string(from_environment) : std::string();
}

std::optional<std::string> optional_database_path(const CommonOptions& options,
                                                  const Project& project) {
  // --url, then DATABASE_URL, then the project's setting.
  std::string url = named_database_url(options);
  if (url.empty()) url = project.settings().database_url;
  if (url.empty()) return std::nullopt;
  const DatabaseUrl parsed = parse_database_url(url);
  if (parsed.dialect != &project.dialect()) {
    throw Error(ErrorKind::input,
                fmt::format("'{}' is a {} database, but the project's dialect is {} (\"dialect\" "
                            "in {}/dbmigrate.json)",
                            masked_url(url), parsed.dialect->name(), project.dialect().name(),
                            project.dir().string()));
  }
  return parsed.target;
}

bool database_given(const CommonOptions& options) {
  return !named_database_url(options).empty();
}

std::string database_path(const CommonOptions& options, const Project& project) {
  auto path = optional_database_path(options, project);
  if (!path) {
    throw Error(ErrorKind::usage,
                "no database: pass --url sqlite:///path.db, set DATABASE_URL, or set "
                "\"database_url\" in dbmigrate.json");
  }
  return *path;
}

std::vector<std::string> read_current_heads(const Dialect& dialect, const std::string& path) {
  namespace fs = std::filesystem;
  if (path == dialect.scratch_location()) return {};
  if (!dialect.database_exists(path)) {
    // A database not created yet is at base; one whose folder is missing is a wrong path.
    const fs::path folder = path.starts_with("file:") ? fs::path() : fs::path(path).parent_path();
    if (!folder.empty() && !fs::is_directory(folder)) {
      throw Error(ErrorKind::input,
                  fmt::format("cannot open database '{}': the folder '{}' does not exist; check "
                              "the path",
                              path, folder.string()));
    }
    return {};
  }
  try {
    const RunnerOptions read_only{.read_only = true};
    return Runner(dialect.open_session(path, read_only), read_only).current_heads();
  } catch (const Error& error) {
    // Not a database, or unreadable: bad input, named (docs/cli.md).
    throw Error(ErrorKind::input,
                fmt::format("cannot read the revision of database '{}': {}; check --url or "
                            "DATABASE_URL",
                            path, error.what()));
  }
}

}  // namespace dbmigrate::cli
