// A revision generated for another dialect (its `-- Dialect:` header) never runs: its SQL is
// that dialect's, and what its headers say of it is that dialect's too.
#pragma once

#include <string_view>

#include "dbmigrate/revision.hpp"

namespace dbmigrate::runner {

// Throws Error(input) naming the first revision of the graph that names a dialect other than
// `dialect`, both dialects, and `where` (what would run it: "database 'app.db'"). A revision
// naming no dialect is taken for any.
void refuse_other_dialect(const RevisionGraph& graph, std::string_view dialect,
                          std::string_view where);

}  // namespace dbmigrate::runner
