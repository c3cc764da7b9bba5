// Upgrade and downgrade targets (`head`, `heads`, `base`, ids and prefixes, `+N`, `-N`,
// `<rev>+N`, `<rev>-N`, and downgrade --sql's `FROM:TO`) on two small fixed graphs. Any target
// is either refused with an error or gives a plan that can be carried out step by step: each
// upgrade applies a revision whose parents are applied, each downgrade reverts a head.
//
// Input: the first byte picks the graph and the database's heads, the rest is the target.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "dbmigrate/revision.hpp"
#include "finding.hpp"

namespace dbmigrate {
namespace {

using fuzz::finding;
using Ids = std::vector<std::string>;

RevisionGraph graph_of(std::initializer_list<std::pair<const char*, Ids>> specs) {
  std::vector<Revision> revisions;
  for (const auto& [id, parents] : specs) revisions.push_back({.id = id, .parents = parents});
  return RevisionGraph(std::move(revisions));
}

struct Case {
  RevisionGraph graph;
  std::vector<Ids> states;  // heads a database can be at
};

// Ids share prefixes, so that prefixes can be ambiguous.
//   merged:    1a2b - 1a3c - 2b4d - 3c6f - 4d70      two_heads:  1a2b - 1a3c
//                         \ 2b5e /                                    \ 1a3d
const std::vector<Case>& cases() {
  static const std::vector<Case> all = [] {
    std::vector<Case> out;
    out.push_back(
        {graph_of({{"1a2b", {}},
                   {"1a3c", {"1a2b"}},
                   {"2b4d", {"1a3c"}},
                   {"2b5e", {"1a3c"}},
                   {"3c6f", {"2b4d", "2b5e"}},
                   {"4d70", {"3c6f"}}}),
         {{}, {"1a2b"}, {"1a3c"}, {"2b4d"}, {"2b5e"}, {"2b4d", "2b5e"}, {"3c6f"}, {"4d70"}}});
    out.push_back({graph_of({{"1a2b", {}}, {"1a3c", {"1a2b"}}, {"1a3d", {"1a2b"}}}),
                   {{}, {"1a2b"}, {"1a3c"}, {"1a3d"}, {"1a3c", "1a3d"}}});
    return out;
  }();
  return all;
}

std::set<std::string> applied_below(const RevisionGraph& graph, const Ids& heads) {
  std::set<std::string> applied;
  std::vector<std::string> todo = heads;
  while (!todo.empty()) {
    std::string id = std::move(todo.back());
    todo.pop_back();
    if (!applied.insert(id).second) continue;
    for (const auto& parent : graph.at(id).parents) todo.push_back(parent);
  }
  return applied;
}

void check_upgrade(const RevisionGraph& graph, Ids heads, const Ids& plan,
                   std::string_view target) {
  auto applied = applied_below(graph, heads);
  for (const auto& id : plan) {
    if (!graph.contains(id)) finding("an upgrade plan names an unknown revision", target);
    if (applied.count(id) != 0) finding("an upgrade plan applies a revision twice", target);
    for (const auto& parent : graph.at(id).parents) {
      if (applied.count(parent) == 0) finding("an upgrade plan applies a child first", target);
    }
    heads = heads_after_upgrade(graph, std::move(heads), id);
    applied.insert(id);
    if (applied_below(graph, heads) != applied) finding("heads after upgrade are wrong", target);
  }
}

void check_downgrade(const RevisionGraph& graph, Ids heads, const Ids& plan,
                     std::string_view target) {
  for (const auto& id : plan) {
    if (std::find(heads.begin(), heads.end(), id) == heads.end()) {
      finding("a downgrade plan reverts a revision that is not a head", target);
    }
    auto applied = applied_below(graph, heads);
    heads = heads_after_downgrade(graph, std::move(heads), id);
    applied.erase(id);
    if (applied_below(graph, heads) != applied) finding("heads after downgrade are wrong", target);
  }
}

template <typename Plan>
void try_plan(Plan plan, const RevisionGraph& graph, const Ids& heads, std::string_view target,
              void (*check)(const RevisionGraph&, Ids, const Ids&, std::string_view)) {
  Ids steps;
  try {
    steps = plan(graph, heads, target);
  } catch (const Error&) {
    return;  // refused with a message
  }
  check(graph, heads, steps, target);
}

}  // namespace
}  // namespace dbmigrate

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dbmigrate;
  if (size == 0) return 0;
  std::size_t pick = data[0];
  const auto& all = cases();
  const Case& chosen = all[pick % all.size()];
  pick /= all.size();
  const Ids& heads = chosen.states[pick % chosen.states.size()];
  const auto target = fuzz::as_text(data + 1, size - 1);
  const RevisionGraph& graph = chosen.graph;

  try {
    const auto& found = graph.find(target);
    if (!found.id.starts_with(target))
      finding("find() returns a revision the prefix does not name");
  } catch (const Error&) {
  }
  try_plan(upgrade_plan, graph, heads, target, check_upgrade);
  try_plan(downgrade_plan, graph, heads, target, check_downgrade);
  // downgrade --sql FROM:TO starts from FROM, with no database.
  if (const auto colon = target.find(':'); colon != std::string_view::npos) {
    Ids from;
    try {
      from = {graph.find(target.substr(0, colon)).id};
    } catch (const Error&) {
      return 0;
    }
    try_plan(downgrade_plan, graph, from, target.substr(colon + 1), check_downgrade);
  }
  return 0;
}
