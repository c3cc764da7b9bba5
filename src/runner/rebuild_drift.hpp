// Before a section rebuilds a table, what the live table holds that the revision does not know
// of: a column, an index or a trigger added by hand, which the rebuild would silently drop.
#pragma once

#include "dbmigrate/revision.hpp"
#include "dbmigrate/session.hpp"
#include "runner/direction.hpp"

namespace dbmigrate::runner {

// Compares each table the section's rebuild headers name with the live one. Nothing to compare
// without the headers (a hand-written revision). When the live tables hold more: throws
// Error(check) naming each extra and what to do, unless `drop_unknown`; then returns true (the
// run then drops data that no revision declared, and backs the database up first).
bool refuse_unknown_on_rebuild(Session& session, const Revision& revision, Direction direction,
                               bool drop_unknown);

}  // namespace dbmigrate::runner
