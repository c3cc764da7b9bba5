// Private scratch schemas: a name no other run takes, dropped on the way out.
#include "dialect/postgresql/scratch.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>

#include "dialect/postgresql/quote.hpp"

namespace dbmigrate::postgresql {
namespace {

std::string next_schema_name() {
  static std::atomic<unsigned> counter{0};
  return fmt::format("dbmigrate_scratch_{}_{}", static_cast<long>(::getpid()), counter++);
}

}  // namespace

std::string scratch_server_url() {
  if (const char* dev = std::getenv("DBMIGRATE_DEV_URL"); dev != nullptr && *dev != '\0')
    return dev;
  if (const char* url = std::getenv("DATABASE_URL"); url != nullptr) {
    const std::string_view text(url);
    if (text.starts_with("postgresql://") || text.starts_with("postgres://"))
      return std::string(text);
  }
  return "postgresql://";
}

ScratchSchema::ScratchSchema(const std::string& server_url)
    : connection_(server_url), schema_(next_schema_name()) {
  // A leftover of a killed run with the same pid would be stale: start from nothing.
  connection_.execute(fmt::format("DROP SCHEMA IF EXISTS {0} CASCADE; CREATE SCHEMA {0}",
                                  quote_identifier(schema_)));
  (void)connection_.query(
      "SELECT pg_catalog.set_config('search_path', pg_catalog.quote_ident($1), false)", {schema_});
}

ScratchSchema::~ScratchSchema() {
  try {
    connection_.execute("ROLLBACK");
  } catch (...) {  // NOLINT(bugprone-empty-catch): not in a transaction
  }
  try {
    connection_.execute(fmt::format("DROP SCHEMA IF EXISTS {} CASCADE", quote_identifier(schema_)));
  } catch (...) {  // NOLINT(bugprone-empty-catch): the server went away; nothing is left to drop
  }
}

}  // namespace dbmigrate::postgresql
