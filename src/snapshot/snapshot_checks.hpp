// What the JSON reader checks beyond the shape of the document: that the snapshot is one
// schema a database could hold. The later stages rely on it (unique names, keys that name
// columns of their table); a hand-edited or merged schema.json may break it.
#pragma once

#include <string_view>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {

// Throws Error(input) "<origin>: <JSON path>: <what>". Needs the snapshot in document order
// (before normalize()), so that the paths point into the document.
void check_snapshot(const Snapshot& snapshot, std::string_view origin);

}  // namespace dbmigrate
