// The build-time parameters of the CMake targets (docs/cmake.md): a db_* target runs
// `dbmigrate --from-target <target> ...`, and a variable in the environment that looks like one
// of the parameters but is misspelt fails it, instead of the target running its default action
// on its default database.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dbmigrate::cli {

// What the db_* targets read from the environment.
inline const std::vector<std::string> target_parameters = {"DB_MESSAGE", "DB_TARGET",
                                                           "DATABASE_URL", "DB_LOCK_TIMEOUT"};

// Throws Error(usage) naming each variable of `environment` ("NAME=value" entries) that is not
// a parameter but within two edits of one, in any case (DB_TARGTE, DATABSE_URL, db_target), or
// of one spelt with the other prefix (DB_URL for DATABASE_URL), with the parameter it
// resembles. The variables starting with DB_ or DATABASE that are further from every parameter
// (DB_HOST, DATABASE_USER: another program's) are returned, to be reported as not read.
[[nodiscard]] std::vector<std::string> check_target_environment(
    std::string_view target, const std::vector<std::string>& environment);

// The process's environment as "NAME=value" entries.
[[nodiscard]] std::vector<std::string> process_environment();

}  // namespace dbmigrate::cli
