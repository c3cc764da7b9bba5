// What `show`, `stamp` and `history -r` names denote: symbols, revisions, relative steps from
// them, and ranges between two of them.
#include <fmt/format.h>

#include "dbmigrate/revision.hpp"
#include "revision/lineage.hpp"
#include "revision/relative_steps.hpp"

namespace dbmigrate {
namespace {

using revision_lineage::Mask;
using revision_steps::Walk;

[[noreturn]] void bad_name(const std::string& message) { throw Error(ErrorKind::usage, message); }

std::vector<std::string> listed_in_order(const RevisionGraph& graph, const Mask& mask) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    if (mask[i]) out.push_back(graph.ordered()[i]);
  }
  return out;
}

std::vector<std::string> in_order(const RevisionGraph& graph, const std::vector<std::string>& ids) {
  Mask mask(graph.size(), false);
  for (const auto& id : ids) mask[graph.position(id)] = true;
  return listed_in_order(graph, mask);
}

// One end of a range: nullopt is no bound (every base, every head).
using Bound = std::optional<std::vector<std::string>>;

Bound bound_of(const RevisionGraph& graph, std::string_view name, bool start,
               const std::optional<std::vector<std::string>>& current_heads,
               std::string_view range) {
  if (name.empty() || name == (start ? "base" : "heads")) return std::nullopt;
  if (name == "current") {
    if (!current_heads) {
      bad_name(fmt::format("the range '{}' names 'current': give the database with --url", range));
    }
    if (start && current_heads->empty()) return std::nullopt;  // nothing applied: from the bases
    return *current_heads;
  }
  return named_revisions(graph, name, "list");
}

// The single revision a relative side counts from.
std::string single(const RevisionGraph& graph, const Bound& bound, bool start,
                   std::string_view side, std::string_view range) {
  const auto& ids = bound ? *bound : (start ? graph.bases() : graph.heads());
  if (ids.size() != 1) {
    bad_name(fmt::format(
        "'{}' in the range '{}' counts from the {} of the range, which is {}; name one revision "
        "there",
        side, range, start ? "start" : "end",
        ids.empty() ? std::string("no revision") : fmt::format("{}", fmt::join(ids, ", "))));
  }
  return ids.front();
}

}  // namespace

std::vector<std::string> named_revisions(const RevisionGraph& graph, std::string_view name,
                                         std::string_view verb) {
  const Walk walk{name, verb};
  if (name == "heads") return graph.heads();
  if (name == "base") {
    if (graph.empty()) bad_name(fmt::format("cannot {} 'base': there are no revisions", verb));
    return in_order(graph, graph.bases());
  }
  if (name == "head") return {revision_steps::named_revision(graph, name, walk)};
  if (const auto relative = revision_steps::relative_name(name)) {
    if (relative->base.empty()) {
      bad_name(fmt::format(
          "cannot {} '{}': a step without a revision counts from the database's revision, "
          "which {} does not read; name where to count from, e.g. 'head{}' or '<revision>{}'",
          verb, name, verb, name, name));
    }
    const auto found = revision_steps::resolve_relative(graph, *relative, walk);
    if (found.below) {
      bad_name(fmt::format("cannot {} '{}': it goes below the base '{}', where no revision is",
                           verb, name, found.revision));
    }
    return {found.revision};
  }
  return {graph.find(name).id};
}

std::vector<std::string> revision_range(
    const RevisionGraph& graph, std::string_view range,
    const std::optional<std::vector<std::string>>& current_heads) {
  const auto colon = range.find(':');
  if (colon == std::string_view::npos || range.find(':', colon + 1) != std::string_view::npos) {
    bad_name(fmt::format(
        "bad range '{}': a range is START:END, e.g. 'base:head', '-3:' or '<revision>:'", range));
  }
  const auto start_name = range.substr(0, colon);
  const auto end_name = range.substr(colon + 1);
  auto counted = [](std::string_view side) {
    return !side.empty() && (side.front() == '+' || side.front() == '-');
  };
  if (counted(start_name) && counted(end_name)) {
    bad_name(fmt::format("bad range '{}': only one side may count from the other", range));
  }
  if ((counted(start_name) && start_name.front() == '+') ||
      (counted(end_name) && end_name.front() == '-')) {
    bad_name(fmt::format(
        "bad range '{}': the start counts down from the end (-N:END) and the end up from the "
        "start (START:+N)",
        range));
  }

  Bound lower, upper;
  if (counted(start_name)) {
    const auto steps = revision_steps::relative_name(start_name)->steps;
    upper = bound_of(graph, end_name, false, current_heads, range);
    // A count past the base lists from the base: `-10:` on five revisions lists them all.
    const auto from = single(graph, upper, false, start_name, range);
    auto at = from;
    std::size_t depth = 0;
    for (; depth < steps && graph.at(at).parents.size() == 1; ++depth) {
      at = graph.at(at).parents.front();
    }
    if (depth < steps && graph.at(at).parents.size() > 1) {  // says which revision merges
      (void)revision_steps::walk_down(graph, from, depth + 1, {start_name, "list"});
    }
    if (depth == steps) lower = std::vector<std::string>{at};
  } else if (counted(end_name)) {
    const auto steps = revision_steps::relative_name(end_name)->steps;
    lower = bound_of(graph, start_name, true, current_heads, range);
    const auto from = single(graph, lower, true, end_name, range);
    // From no bound the count starts before the base: `base:+1` is the first revision.
    upper = std::vector<std::string>{
        revision_steps::walk_up(graph, from, lower ? steps : steps - 1, {end_name, "list"})};
  } else {
    lower = bound_of(graph, start_name, true, current_heads, range);
    upper = bound_of(graph, end_name, false, current_heads, range);
  }

  Mask mask(graph.size(), true);
  if (lower) mask = revision_lineage::descendants_or_self(graph, *lower);
  if (upper) {
    const auto below = revision_lineage::ancestors_or_self(graph, *upper);
    for (std::size_t i = 0; i < mask.size(); ++i) mask[i] = mask[i] && below[i];
  }
  return listed_in_order(graph, mask);
}

}  // namespace dbmigrate
