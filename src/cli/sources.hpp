// Where a snapshot comes from: a .json snapshot, a .sql schema file, a snapshot-tool
// executable, a database URL, or a file as of a git revision (git:<rev>[:<path>]).
#pragma once

#include <string>
#include <string_view>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::cli {

struct DatabaseUrl {
  enum class Scheme { sqlite, postgresql };
  Scheme scheme = Scheme::sqlite;
  std::string target;  // SQLite: the file path (or ":memory:"); PostgreSQL: the conninfo
};

// Throws Error(input) for an unknown scheme or a malformed URL.
[[nodiscard]] DatabaseUrl parse_database_url(const std::string& url);

[[nodiscard]] bool looks_like_url(const std::string& source);

// A snapshot in JSON (a .json file, schema.json, a snapshot tool's output) with its SQL text
// checked by the dialect: every snapshot the commands render from comes through here or through
// the .sql and database readers, which check the same.
[[nodiscard]] Snapshot read_snapshot_json(std::string_view text, const std::string& origin);

// `default_path` is the file a `git:<rev>` source reads when it names no path.
[[nodiscard]] Snapshot load_snapshot(const std::string& source, const std::string& default_path = "");

}  // namespace dbmigrate::cli
