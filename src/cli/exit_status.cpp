// Exceptions to exit codes: DbMigrate's own errors say what to fix; anything else is a bug to
// report, never "bad input".
#include "cli/exit_status.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "dbmigrate/error.hpp"
#include "diff/printable_line.hpp"

namespace dbmigrate::cli {

// An error quotes names and text from files as they are: each of its lines is printed with the
// control characters shown escaped, so that none can move the terminal's cursor or colour it.
void print_error(std::string_view message) {
  std::string out;
  for (std::size_t start = 0; start <= message.size();) {
    const auto end = std::min(message.find('\n', start), message.size());
    out += dbmigrate::printable_line(message.substr(start, end - start));
    if (end < message.size()) out += '\n';
    start = end + 1;
  }
  fmt::print(stderr, "ERROR: {}\n", out);
}

namespace {

int internal_fault(std::string_view what) {
  print_error(fmt::format(
      "internal error: {}; this is a fault of DbMigrate, not of your files or database: please "
      "report it with the command you ran (dbmigrate {})",
      what, DBMIGRATE_VERSION));
  return internal_fault_exit_code;
}

}  // namespace

int report_failure(const std::exception& error) {
  const auto* own = dynamic_cast<const Error*>(&error);
  if (dynamic_cast<const std::filesystem::filesystem_error*>(&error) != nullptr) {
    // A path the system refused (too long, no permission): the input's or the machine's fault,
    // and the message names the path.
    print_error(error.what());
    return 2;
  }
  if (own == nullptr) return internal_fault(error.what());
  print_error(own->what());
  // A check or a migration that failed is 1; bad usage or bad input is 2.
  return own->kind() == ErrorKind::check || own->kind() == ErrorKind::database ? 1 : 2;
}

int report_unknown_failure() {
  return internal_fault("an exception of unknown type");
}

}  // namespace dbmigrate::cli
