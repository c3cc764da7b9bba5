// How the version table's heads move as single revisions are applied or reverted, the way
// Alembic maintains its alembic_version rows: the runner calls these once per revision.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "dbmigrate/revision.hpp"

namespace dbmigrate {
namespace {

void sort_unique(std::vector<std::string>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

std::vector<std::string> heads_after_upgrade(const RevisionGraph& graph,
                                             std::vector<std::string> heads, std::string_view id) {
  const auto& revision = graph.at(id);
  std::erase_if(heads, [&](const std::string& head) {
    return std::find(revision.parents.begin(), revision.parents.end(), head) !=
           revision.parents.end();
  });
  heads.push_back(revision.id);
  sort_unique(heads);
  return heads;
}

std::vector<std::string> heads_after_downgrade(const RevisionGraph& graph,
                                               std::vector<std::string> heads,
                                               std::string_view id) {
  const auto& revision = graph.at(id);
  const auto erased = std::erase(heads, revision.id);
  if (erased == 0) {
    throw Error(
        ErrorKind::usage,
        fmt::format(
            "revision '{}' is not a current head ({}); only a head can be reverted", id,
            heads.empty() ? "nothing is applied" : fmt::format("{}", fmt::join(heads, ", "))));
  }
  for (const auto& parent : revision.parents) {
    // The parent stays applied under another child if that child is at or below a remaining
    // head. Only positions above the lowest such child can lead to it, which keeps the search
    // short: in a plain chain there is no other child and no search at all.
    std::unordered_set<std::size_t> others;
    for (const auto& child : graph.children(parent)) {
      if (child != revision.id) others.insert(graph.position(child));
    }
    bool still_needed = false;
    if (!others.empty()) {
      const auto lowest = *std::min_element(others.begin(), others.end());
      std::vector<std::size_t> stack;
      std::unordered_set<std::size_t> seen;
      for (const auto& head : heads) stack.push_back(graph.position(head));
      while (!stack.empty() && !still_needed) {
        const auto node = stack.back();
        stack.pop_back();
        if (node < lowest || !seen.insert(node).second) continue;
        still_needed = others.contains(node);
        for (const auto up : graph.parent_positions(node)) stack.push_back(up);
      }
    }
    if (!still_needed) heads.push_back(parent);
  }
  sort_unique(heads);
  return heads;
}

}  // namespace dbmigrate
