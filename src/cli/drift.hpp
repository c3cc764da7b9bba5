// Drift: what a database has or lacks compared with the snapshot at the revision it is at.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::cli {

// One line per difference, in words, tables first (their columns, indexes and the rest of their
// definition), then views, then triggers, each in name order. `revision` names the revision(s)
// `expected` is the snapshot at. Names pair up by the dialect's rule. Empty when the database is
// as expected.
[[nodiscard]] std::vector<std::string> describe_drift(const Snapshot& expected,
                                                      const Snapshot& live,
                                                      std::string_view revision,
                                                      IdentifierCase names);

}  // namespace dbmigrate::cli
