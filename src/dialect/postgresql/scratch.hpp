// Scratch work on a PostgreSQL server (check's and merge's replays, reading a .sql schema file,
// letting the server deparse SQL text): a private schema, created for one use and dropped after.
#pragma once

#include <string>
#include <string_view>

#include "dialect/postgresql/connection.hpp"

namespace dbmigrate::postgresql {

// What Dialect::scratch_location() returns: this prefix, then the server's URL.
inline constexpr std::string_view scratch_prefix = "scratch+";

// The server scratch work runs on: DBMIGRATE_DEV_URL when set, else DATABASE_URL when it is a
// PostgreSQL URL, else libpq's defaults (PGHOST, PGPORT, PGUSER, PGDATABASE, a service file).
[[nodiscard]] std::string scratch_server_url();

// A connection to `server_url` whose search_path is a fresh schema of its own
// (dbmigrate_scratch_<pid>_<n>), dropped with everything in it when this goes.
class ScratchSchema {
 public:
  explicit ScratchSchema(const std::string& server_url);
  ScratchSchema(const ScratchSchema&) = delete;
  ScratchSchema& operator=(const ScratchSchema&) = delete;
  ~ScratchSchema();

  [[nodiscard]] Connection& connection() noexcept { return connection_; }
  [[nodiscard]] const std::string& schema() const noexcept { return schema_; }

 private:
  Connection connection_;
  std::string schema_;
};

}  // namespace dbmigrate::postgresql
