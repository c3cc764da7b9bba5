// PostgreSQL database URLs: postgresql://user:password@host:port/dbname?param=value
// (libpq's URI form), plus `schema=` which DbMigrate reads itself. Everything else is handed to
// libpq as it is, so its parameters, environment variables and service files all work.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dbmigrate::postgresql {

struct ConnectionTarget {
  std::string conninfo;  // what libpq opens: the URL without `schema=`
  std::string schema;    // `?schema=`: empty for the server's search_path
  std::string shown;     // the URL for messages: password masked
  // The password as the URL spells it and percent-decoded, to strip from libpq's messages.
  std::vector<std::string> secrets;
};

// Throws Error(input) for a URL that is not postgresql:// or postgres://, has a bad
// percent-escape, a port that is not a number, or an empty `schema=`, naming it password masked
// (and nothing past the scheme when the password's end cannot be told).
[[nodiscard]] ConnectionTarget connection_target(const std::string& url);

// `text` with every secret replaced by ***.
[[nodiscard]] std::string without_secrets(std::string text,
                                          const std::vector<std::string>& secrets);

}  // namespace dbmigrate::postgresql
