// What lies below or above some revisions, each in one sweep over the topological order.
#include "revision/lineage.hpp"

namespace dbmigrate::revision_lineage {

Mask ancestors_or_self(const RevisionGraph& graph, const std::vector<std::string>& ids) {
  Mask mask(graph.size(), false);
  for (const auto& id : ids) mask[graph.position(id)] = true;
  for (std::size_t i = graph.size(); i-- > 0;) {
    if (!mask[i]) continue;
    for (const auto parent : graph.parent_positions(i)) mask[parent] = true;
  }
  return mask;
}

Mask descendants_or_self(const RevisionGraph& graph, const std::vector<std::string>& ids) {
  Mask mask(graph.size(), false);
  for (const auto& id : ids) mask[graph.position(id)] = true;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    if (mask[i]) continue;
    for (const auto parent : graph.parent_positions(i)) {
      if (mask[parent]) mask[i] = true;
    }
  }
  return mask;
}

}  // namespace dbmigrate::revision_lineage
