// One revision as the listing commands print it.
#include "cli/revision_entry.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace dbmigrate::cli {
namespace {

std::string parents_text(const Revision& revision) {
  return revision.parents.empty() ? std::string("<base>")
                                  : fmt::format("{}", fmt::join(revision.parents, ", "));
}

}  // namespace

std::string revision_marks(const RevisionGraph& graph, const Revision& revision) {
  std::string out;
  const auto& heads = graph.heads();
  if (std::find(heads.begin(), heads.end(), revision.id) != heads.end()) out += " (head)";
  if (graph.children(revision.id).size() > 1) out += " (branchpoint)";
  if (revision.parents.size() > 1) out += " (mergepoint)";
  return out;
}

std::string history_line(const RevisionGraph& graph, const Revision& revision, bool current) {
  return fmt::format("{} -> {}{}{}, {}", parents_text(revision), revision.id,
                     revision_marks(graph, revision), current ? " (current)" : "", revision.message);
}

std::string verbose_entry(const RevisionGraph& graph, const Revision& revision, bool current) {
  std::string out = fmt::format("Rev: {}{}{}\nParent: {}\n", revision.id,
                                revision_marks(graph, revision), current ? " (current)" : "",
                                parents_text(revision));
  if (const auto& children = graph.children(revision.id); children.size() > 1) {
    out += fmt::format("Branches into: {}\n", fmt::join(children, ", "));
  }
  if (!revision.path.empty()) out += fmt::format("Path: {}\n", revision.path.string());
  if (!revision.create_date.empty()) out += fmt::format("Create Date: {}\n", revision.create_date);
  out += fmt::format("\n    {}\n\n", revision.message);
  return out;
}

}  // namespace dbmigrate::cli
