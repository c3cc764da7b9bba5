// Where a snapshot comes from: a .json snapshot, a .sql schema file, a snapshot-tool
// executable, a database URL, or a file as of a git revision (git:<rev>[:<path>]).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::cli {

struct DatabaseUrl {
  const Dialect* dialect = nullptr;  // chosen by the URL's scheme
  // The dialect's form of the URL (Dialect::database_location): for SQLite the file path (or
  // ":memory:"), or an SQLite URI (file:app.db?mode=ro) carrying the URL's query.
  std::string target;
};

// Throws Error(input) for an unknown scheme or a malformed URL (the dialect's rules); a
// #fragment is dropped.
[[nodiscard]] DatabaseUrl parse_database_url(const std::string& url);

[[nodiscard]] bool looks_like_url(const std::string& source);

// The dialect that reads and renders for commands given only sources (snapshot, diff): that of
// the first database URL among them, else the default.
[[nodiscard]] const Dialect& dialect_of_sources(const std::vector<std::string>& sources);

// A snapshot in JSON (a .json file, schema.json, a snapshot tool's output) with its SQL text
// checked by the dialect: every snapshot the commands render from comes through here or through
// the .sql and database readers, which check the same.
[[nodiscard]] Snapshot read_snapshot_json(std::string_view text, const std::string& origin,
                                          const Dialect& dialect);

// `default_path` is the file a `git:<rev>` source reads when it names no path. A .sql file is
// read by `dialect`; a database URL by the dialect of its scheme.
[[nodiscard]] Snapshot load_snapshot(const std::string& source, const Dialect& dialect,
                                     const std::string& default_path = "");

}  // namespace dbmigrate::cli
