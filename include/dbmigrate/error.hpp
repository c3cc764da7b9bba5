// The one exception type every stage throws; `kind` maps to the exit code in main.
#pragma once

#include <stdexcept>
#include <string>

namespace dbmigrate {

enum class ErrorKind {
  usage,     // bad command line: exit 2
  input,     // malformed file, snapshot, revision, URL: exit 2
  database,  // the database refused a statement or cannot be opened
  check,     // a check or migration failed: exit 1
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace dbmigrate
