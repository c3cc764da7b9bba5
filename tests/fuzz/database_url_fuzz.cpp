// The database URL parser (--url, DATABASE_URL, the URL sources of --from/--to). Any string is
// either refused with an input error or names a database; a SQLite URL keeps its path verbatim.
#include <string>

#include "cli/sources.hpp"
#include "dbmigrate/error.hpp"
#include "finding.hpp"

using dbmigrate::fuzz::finding;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string url(dbmigrate::fuzz::as_text(data, size));
  (void)dbmigrate::cli::looks_like_url(url);
  dbmigrate::cli::DatabaseUrl parsed;
  try {
    parsed = dbmigrate::cli::parse_database_url(url);
  } catch (const dbmigrate::Error&) {
    return 0;
  }
  if (parsed.scheme == dbmigrate::cli::DatabaseUrl::Scheme::sqlite) {
    if (parsed.target.empty()) finding("a SQLite URL names no file", url);
    if (url != "sqlite:///" + parsed.target)
      finding("a SQLite URL's path is not kept verbatim", url);
  } else if (parsed.target != url) {
    finding("a PostgreSQL URL is not passed on verbatim", url);
  }
  return 0;
}
