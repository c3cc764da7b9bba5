// Canonical JSON of a Snapshot: stable key and element order, a `format` field,
// byte-identical for equal snapshots.
#pragma once

#include <string>
#include <string_view>

#include "dbmigrate/snapshot.hpp"
#include "dbmigrate/sql_fragments.hpp"

namespace dbmigrate {

// Throws Error(input) naming the JSON path of a text that is not UTF-8.
[[nodiscard]] std::string to_json(const Snapshot& snapshot);

// Throws Error(input) naming the JSON path at fault, e.g.
// "tables[3].columns[1].type: expected string". `origin` (a file name) prefixes the message.
// With `fragments`, every SQL text of the snapshot is checked by it: a program that renders
// SQL from the snapshot passes its dialect's check.
[[nodiscard]] Snapshot snapshot_from_json(std::string_view text, std::string_view origin = {},
                                          const SqlFragmentCheck* fragments = nullptr);

}  // namespace dbmigrate
