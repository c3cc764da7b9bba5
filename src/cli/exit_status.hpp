// What `dbmigrate` prints and returns when a command throws (docs/cli.md, "Exit codes").
#pragma once

#include <exception>
#include <string_view>

namespace dbmigrate::cli {

// 1: a check or a migration failed (dbmigrate::Error of kind check or database).
// 2: bad usage or bad input (any other dbmigrate::Error), or a path the system refused
//    (std::filesystem::filesystem_error: a name too long, no permission).
// 3: a fault of DbMigrate itself: any other exception (an internal inconsistency, memory
//    exhausted, a library's own exception that should have been turned into an Error).
inline constexpr int internal_fault_exit_code = 3;

// Prints `error` to stderr, each line with control characters shown escaped, and returns the
// exit code above.
int report_failure(const std::exception& error);
// The same for something thrown that is not even a std::exception.
int report_unknown_failure();

// "ERROR: <message>" on stderr, each line with control characters shown escaped.
void print_error(std::string_view message);

}  // namespace dbmigrate::cli
