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
  // SQLite: the file path (or ":memory:"), or, when the URL has a query (sqlite:///app.db?mode=ro),
  // an SQLite URI (file:app.db?mode=ro) carrying it; PostgreSQL: the conninfo.
  std::string target;
};

// Throws Error(input) for an unknown scheme, a malformed URL or a query parameter SQLite does
// not know; a #fragment is dropped.
[[nodiscard]] DatabaseUrl parse_database_url(const std::string& url);

// The URL with its password (user:password@, ?password=) shown as ***: for every message.
[[nodiscard]] std::string masked_url(std::string_view url);

[[nodiscard]] bool looks_like_url(const std::string& source);

// A snapshot in JSON (a .json file, schema.json, a snapshot tool's output) with its SQL text
// checked by the dialect: every snapshot the commands render from comes through here or through
// the .sql and database readers, which check the same.
[[nodiscard]] Snapshot read_snapshot_json(std::string_view text, const std::string& origin);

// `default_path` is the file a `git:<rev>` source reads when it names no path.
[[nodiscard]] Snapshot load_snapshot(const std::string& source, const std::string& default_path = "");

}  // namespace dbmigrate::cli
