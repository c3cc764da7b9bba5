// The applied set is every ancestor of the heads the graph knows (revision/lineage.hpp).
#include "runner/applied.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "dbmigrate/error.hpp"
#include "revision/lineage.hpp"

namespace dbmigrate::runner {
namespace {

bool is_ancestor_or_self(const RevisionGraph& graph, std::string_view ancestor,
                         const std::string& id) {
  return applied_mask(graph, {id})[graph.position(ancestor)];
}

}  // namespace

std::vector<bool> applied_mask(const RevisionGraph& graph, const std::vector<std::string>& heads) {
  std::vector<std::string> known;
  std::copy_if(heads.begin(), heads.end(), std::back_inserter(known),
               [&](const std::string& id) { return graph.contains(id); });
  return revision_lineage::ancestors_or_self(graph, known);
}

bool still_needed(const RevisionGraph& graph, const std::vector<std::string>& heads,
                  const Revision& revision, Direction direction) {
  const auto applied = applied_mask(graph, heads);
  const bool is_applied = applied[graph.position(revision.id)];
  if (direction == Direction::upgrade) {
    if (is_applied) return false;
    for (const auto& parent : revision.parents) {
      if (!applied[graph.position(parent)]) {
        throw Error(ErrorKind::check,
                    fmt::format("cannot upgrade to {}: its parent {} is no longer applied "
                                "(another run changed the database meanwhile); run upgrade "
                                "again",
                                revision.id, parent));
      }
    }
    return true;
  }
  if (!is_applied) return false;
  if (std::find(heads.begin(), heads.end(), revision.id) == heads.end()) {
    throw Error(ErrorKind::check,
                fmt::format("cannot downgrade {}: a revision above it was applied meanwhile "
                            "(by another run); run downgrade again",
                            revision.id));
  }
  return true;
}

bool destructive_ahead(const RevisionGraph& graph, const std::vector<std::string>& heads,
                       std::span<const std::string> planned, Direction direction) {
  const auto applied = applied_mask(graph, heads);
  return std::any_of(planned.begin(), planned.end(), [&](const std::string& id) {
    const bool to_run = applied[graph.position(id)] != (direction == Direction::upgrade);
    return to_run && section_needs(graph.at(id), direction_name(direction)).destructive;
  });
}

std::vector<std::string> heads_after_stamp(const RevisionGraph& graph,
                                           std::vector<std::string> heads, const std::string& id) {
  std::erase_if(heads, [&](const std::string& head) {
    return !graph.contains(head) || is_ancestor_or_self(graph, head, id) ||
           is_ancestor_or_self(graph, id, head);
  });
  heads.push_back(id);
  std::sort(heads.begin(), heads.end());
  return heads;
}

}  // namespace dbmigrate::runner
