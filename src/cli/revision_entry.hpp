// How the listing commands (history, heads, current, branches, show) print a revision: one line,
// or with -v the block of its details.
#pragma once

#include <string>

#include "dbmigrate/revision.hpp"

namespace dbmigrate::cli {

// " (head)", " (branchpoint)", " (mergepoint)": what the revision is in the graph.
[[nodiscard]] std::string revision_marks(const RevisionGraph& graph, const Revision& revision);

// `<parents> -> <id><marks>, <message>`, with `<base>` for a revision that revises nothing.
[[nodiscard]] std::string history_line(const RevisionGraph& graph, const Revision& revision,
                                       bool current = false);

// The -v block, ending with a blank line:
//   Rev: <id><marks>
//   Parent: <parents, or <base>>
//   Branches into: <children>        (a branch point only)
//   Path: <file>
//   Create Date: <date>
//
//       <message>
[[nodiscard]] std::string verbose_entry(const RevisionGraph& graph, const Revision& revision,
                                        bool current = false);

}  // namespace dbmigrate::cli
