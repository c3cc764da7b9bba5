// Sets of revisions by position in RevisionGraph::ordered(): what lies below or above some
// revisions. A parent's position is below its child's, so each set is one sweep.
#pragma once

#include <string>
#include <vector>

#include "dbmigrate/revision.hpp"

namespace dbmigrate::revision_lineage {

using Mask = std::vector<bool>;  // by position in graph.ordered()

[[nodiscard]] Mask ancestors_or_self(const RevisionGraph& graph,
                                     const std::vector<std::string>& ids);
[[nodiscard]] Mask descendants_or_self(const RevisionGraph& graph,
                                       const std::vector<std::string>& ids);

}  // namespace dbmigrate::revision_lineage
