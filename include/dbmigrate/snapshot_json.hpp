// Canonical JSON of a Snapshot: stable key and element order, a `format` field,
// byte-identical for equal snapshots.
#pragma once

#include <string>
#include <string_view>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {

[[nodiscard]] std::string to_json(const Snapshot& snapshot);

// Throws Error(input) naming the JSON path at fault, e.g.
// "tables[3].columns[1].type: expected string". `origin` (a file name) prefixes the message.
[[nodiscard]] Snapshot snapshot_from_json(std::string_view text, std::string_view origin = {});

}  // namespace dbmigrate
