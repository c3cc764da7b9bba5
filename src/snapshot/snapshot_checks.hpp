// What every snapshot source checks beyond the shape of its input: that the snapshot is one
// schema a database could hold, in text JSON can carry, with SQL fragments a dialect vouches
// for. The later stages rely on it (unique names, keys that name columns of their table, one
// expression where one is rendered); a hand-edited or merged schema.json may break it, and so
// may a .sql file or a database that SQLite accepted.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "dbmigrate/snapshot.hpp"
#include "dbmigrate/sql_fragments.hpp"

namespace dbmigrate {

enum class SnapshotPart { table, index, view, trigger };

// Where the parts of a snapshot come from, for error messages.
struct SnapshotOrigin {
  std::string_view file;  // "schema.json"; empty: none
  // Where a part was declared ("schema.sql:12"), by its kind and name; unset, or an empty
  // result: `file`.
  std::function<std::string(SnapshotPart, std::string_view name)> locate;
  // The JSON layout the paths point into: before format 2 the SQLite options stood beside the
  // portable fields instead of in a "sqlite" part.
  int format = Snapshot::current_format;
};

// Throws Error(input) "<origin>: <JSON path>: <what>". Needs the snapshot in document order
// (before normalize()), so that the paths point into the document. Without `fragments` the
// SQL text is not checked.
void check_snapshot(const Snapshot& snapshot, const SnapshotOrigin& origin,
                    const SqlFragmentCheck* fragments = nullptr);

inline void check_snapshot(const Snapshot& snapshot, std::string_view origin) {
  check_snapshot(snapshot, SnapshotOrigin{.file = origin});
}

}  // namespace dbmigrate
