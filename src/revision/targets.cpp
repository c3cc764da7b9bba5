// What `upgrade TARGET` and `downgrade TARGET` must do, given the heads the version table holds.
//
// The applied set is every ancestor of the current heads. Plans are computed as sets over
// RevisionGraph::ordered() positions and listed in that order (upgrade) or its reverse
// (downgrade), which puts every revision after its parents, or before them.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "dbmigrate/revision.hpp"
#include "revision/lineage.hpp"
#include "revision/relative_steps.hpp"

namespace dbmigrate {
namespace {

using revision_steps::Relative;
using revision_steps::Walk;
using revision_lineage::ancestors_or_self;
using revision_lineage::descendants_or_self;
using revision_lineage::Mask;

[[noreturn]] void bad_target(const std::string& message) {
  throw Error(ErrorKind::usage, message);
}

std::string listed(const std::vector<std::string>& ids) {
  return fmt::format("{}", fmt::join(ids, ", "));
}

struct State {
  std::vector<std::string> heads;  // sorted, unique
  Mask applied;
};

// The version table may name a revision whose file is gone (a checkout of an older branch):
// that is the user's to fix, so it is an input error, not an unknown command-line name.
State current_state(const RevisionGraph& graph, std::vector<std::string> heads) {
  std::sort(heads.begin(), heads.end());
  heads.erase(std::unique(heads.begin(), heads.end()), heads.end());
  for (const auto& head : heads) {
    if (!graph.contains(head)) {
      throw RevisionGraphError(
          GraphErrorReason::unknown_revision, {head},
          fmt::format("the database is at revision '{}', which has no revision file; restore "
                      "the file, or record the right revision with 'dbmigrate stamp' "
                      "(target db_stamp)",
                      head));
    }
  }
  auto applied = ancestors_or_self(graph, heads);
  return {std::move(heads), std::move(applied)};
}

// `+N` counts from the one current head, or from before the one base when nothing is applied.
std::string step_up_from_current(const RevisionGraph& graph, const State& state,
                                 const Relative& relative, std::string_view target) {
  if (state.heads.size() > 1) {
    bad_target(
        fmt::format("'{}' is ambiguous: the database has several heads {}; name a "
                    "revision instead, e.g. '{}{}'",
                    target, listed(state.heads), state.heads.front(), target));
  }
  const Walk walk{target, "upgrade"};
  if (!state.heads.empty()) {
    return revision_steps::walk_up(graph, state.heads.front(), relative.steps, walk);
  }
  if (graph.empty()) bad_target(fmt::format("cannot upgrade '{}': there are no revisions", target));
  if (graph.bases().size() > 1) {
    bad_target(
        fmt::format("'{}' is ambiguous: the revisions have several bases {}; name a "
                    "revision instead",
                    target, listed(graph.bases())));
  }
  return revision_steps::walk_up(graph, graph.bases().front(), relative.steps - 1, walk);
}

// `-N`: revert the one current head, N times, following the heads as they move down.
std::vector<std::string> step_down(const RevisionGraph& graph, std::vector<std::string> heads,
                                   std::size_t steps, std::string_view target) {
  std::vector<std::string> plan;
  for (std::size_t step = 0; step < steps; ++step) {
    if (heads.empty()) {
      bad_target(fmt::format("cannot downgrade '{}': only {} revision(s) applied", target, step));
    }
    if (heads.size() > 1) {
      bad_target(
          fmt::format("'{}' is ambiguous: {} heads {} are applied; name the revision to "
                      "downgrade to instead",
                      target, step == 0 ? "the" : "then", listed(heads)));
    }
    const auto head = heads.front();
    plan.push_back(head);
    heads = heads_after_downgrade(graph, std::move(heads), head);
  }
  return plan;
}

std::vector<std::string> in_order(const RevisionGraph& graph, const Mask& mask, bool reverse) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    if (mask[i]) out.push_back(graph.ordered()[i]);
  }
  if (reverse) std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<std::string> upgrade_plan(const RevisionGraph& graph,
                                      const std::vector<std::string>& current_heads,
                                      std::string_view target) {
  const auto state = current_state(graph, current_heads);
  std::vector<std::string> goals;
  std::optional<std::size_t> exact_steps;
  if (target == "head") {
    if (graph.heads().size() > 1) {
      throw RevisionGraphError(
          GraphErrorReason::multiple_heads, graph.heads(),
          fmt::format("multiple heads {}: upgrade to 'heads' or create a merge with 'dbmigrate "
                      "merge'",
                      listed(graph.heads())));
    }
    goals = graph.heads();
  } else if (target == "heads") {
    goals = graph.heads();
  } else if (target == "base") {
    bad_target("'base' is not an upgrade target; 'dbmigrate downgrade base' reverts everything");
  } else if (const auto relative = revision_steps::relative_name(target)) {
    if (relative->base.empty() && relative->sign == '-') {
      bad_target(fmt::format("'{}' goes down; use 'dbmigrate downgrade {}'", target, target));
    }
    if (relative->base.empty()) {
      goals = {step_up_from_current(graph, state, *relative, target)};
      exact_steps = relative->steps;
    } else {
      const auto goal = revision_steps::resolve_relative(graph, *relative, {target, "upgrade"});
      if (goal.below) {
        bad_target(fmt::format("'{}' is below the base '{}': nothing to upgrade to; 'dbmigrate "
                               "downgrade {}' reverts to it",
                               target, goal.revision, target));
      }
      goals = {goal.revision};
    }
  } else {
    goals = {graph.find(target).id};
  }

  auto wanted = ancestors_or_self(graph, goals);
  for (std::size_t i = 0; i < wanted.size(); ++i) wanted[i] = wanted[i] && !state.applied[i];
  auto plan = in_order(graph, wanted, false);
  // `+1` promises one revision; a merge whose other branch is not applied would pull it in.
  if (exact_steps && plan.size() != *exact_steps) {
    bad_target(
        fmt::format("'{}' would apply {} revisions ({}) because '{}' merges a branch "
                    "that is not applied; upgrade to '{}' by name",
                    target, plan.size(), listed(plan), goals.front(), goals.front()));
  }
  return plan;
}

std::vector<std::string> downgrade_plan(const RevisionGraph& graph,
                                        const std::vector<std::string>& current_heads,
                                        std::string_view target) {
  const auto state = current_state(graph, current_heads);
  if (target == "base") return in_order(graph, state.applied, true);
  if (target == "head" || target == "heads") {
    bad_target(
        fmt::format("'{}' is an upgrade target; downgrade takes -N, base or a revision", target));
  }
  revision_steps::Below goal;
  if (const auto relative = revision_steps::relative_name(target)) {
    if (relative->base.empty() && relative->sign == '+') {
      bad_target(fmt::format("'{}' goes up; use 'dbmigrate upgrade {}'", target, target));
    }
    if (relative->base.empty()) return step_down(graph, state.heads, relative->steps, target);
    goal = revision_steps::resolve_relative(graph, *relative, {target, "downgrade"});
  } else {
    goal.revision = graph.find(target).id;
  }

  auto revert = descendants_or_self(graph, {goal.revision});
  if (!goal.below) {
    if (!state.applied[graph.position(goal.revision)]) {
      bad_target(fmt::format(
          "cannot downgrade to '{}': it is not applied (the database is at "
          "{}); 'dbmigrate upgrade {}' applies it",
          goal.revision, state.heads.empty() ? "base" : listed(state.heads), goal.revision));
    }
    revert[graph.position(goal.revision)] = false;
  }
  for (std::size_t i = 0; i < revert.size(); ++i) revert[i] = revert[i] && state.applied[i];
  return in_order(graph, revert, true);
}

}  // namespace dbmigrate
