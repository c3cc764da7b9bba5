// RevisionGraph: validation (duplicate ids, missing parents, cycles) and a deterministic
// topological order, all iterative: a chain of 20,000 revisions must not overflow the stack.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "dbmigrate/revision.hpp"
#include "revision/duplicate_ids.hpp"

namespace dbmigrate {
namespace {

// Indexes of `revisions` sorted by id: one allocation and binary search, where a map would
// copy every id into a node of its own.
std::vector<std::size_t> sorted_by_id(const std::vector<Revision>& revisions) {
  std::vector<std::size_t> indexes(revisions.size());
  for (std::size_t i = 0; i < indexes.size(); ++i) indexes[i] = i;
  std::sort(indexes.begin(), indexes.end(),
            [&](std::size_t a, std::size_t b) { return revisions[a].id < revisions[b].id; });
  return indexes;
}

// The first entry of `by_id` whose id is not less than `id`.
std::vector<std::size_t>::const_iterator lower_bound_id(const std::vector<Revision>& revisions,
                                                        const std::vector<std::size_t>& by_id,
                                                        std::string_view id) {
  return std::lower_bound(by_id.begin(), by_id.end(), id,
                          [&](std::size_t index, std::string_view wanted) {
                            return std::string_view(revisions[index].id) < wanted;
                          });
}

// The index of the revision with this id, or revisions.size() when there is none.
std::size_t index_of(const std::vector<Revision>& revisions, const std::vector<std::size_t>& by_id,
                     std::string_view id) {
  const auto it = lower_bound_id(revisions, by_id, id);
  return it != by_id.end() && revisions[*it].id == id ? *it : revisions.size();
}

// "<path>: " when the revision came from a file, so that messages point at what to edit.
std::string file_prefix(const Revision& revision) {
  return revision.path.empty() ? std::string() : fmt::format("{}: ", revision.path.string());
}

void reject_missing_parents(const std::vector<Revision>& revisions,
                            const std::vector<std::size_t>& by_id) {
  for (const auto index : by_id) {  // id order, so the same file is named every run
    const auto& revision = revisions[index];
    const auto& id = revision.id;
    for (std::size_t i = 0; i < revision.parents.size(); ++i) {
      const auto& parent = revision.parents[i];
      if (std::find(revision.parents.begin(), revision.parents.begin() + i, parent) !=
          revision.parents.begin() + i) {
        throw Error(ErrorKind::input,
                    fmt::format("{}revision '{}' lists '{}' twice in '-- Revises:'; list each "
                                "parent once",
                                file_prefix(revision), id, parent));
      }
      if (index_of(revisions, by_id, parent) == revisions.size()) {
        throw RevisionGraphError(
            GraphErrorReason::missing_parent, {id, parent},
            fmt::format("{}revision '{}' revises '{}', which does not exist; restore the missing "
                        "revision file or correct the '-- Revises:' header",
                        file_prefix(revision), id, parent));
      }
    }
  }
}

// Called when a topological sort left `remaining` nodes: each of them still waits for a parent
// that is also remaining, so walking to such a parent must come back to a node already seen.
[[noreturn]] void throw_cycle(const std::vector<Revision>& revisions,
                              const std::vector<std::size_t>& by_id,
                              const std::vector<bool>& remaining) {
  auto start = by_id.begin();
  while (!remaining[*start]) ++start;
  std::vector<std::size_t> path;
  std::map<std::size_t, std::size_t> seen_at;  // node -> index in path
  std::size_t node = *start;
  while (!seen_at.contains(node)) {
    seen_at[node] = path.size();
    path.push_back(node);
    const std::string* next = nullptr;  // smallest remaining parent, for a stable message
    for (const auto& parent : revisions[node].parents) {
      if (remaining[index_of(revisions, by_id, parent)] && (next == nullptr || parent < *next)) {
        next = &parent;
      }
    }
    node = index_of(revisions, by_id, *next);
  }
  std::vector<std::string> cycle;
  for (std::size_t i = seen_at[node]; i < path.size(); ++i) cycle.push_back(revisions[path[i]].id);
  std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
  throw RevisionGraphError(
      GraphErrorReason::cycle, cycle,
      fmt::format("the revisions form a cycle: {} -> {} (each revises the next); correct the "
                  "'-- Revises:' header of one of them",
                  fmt::join(cycle, " -> "), cycle.front()));
}

}  // namespace

void reject_duplicate_ids(const std::vector<Revision>& revisions) {
  std::vector<const Revision*> sorted;
  for (const auto& revision : revisions) sorted.push_back(&revision);
  std::sort(sorted.begin(), sorted.end(), [](const Revision* a, const Revision* b) {
    return std::tie(a->id, a->path) < std::tie(b->id, b->path);
  });
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i - 1]->id != sorted[i]->id) continue;
    const auto& id = sorted[i]->id;
    const auto where =
        sorted[i - 1]->path.empty()  // paths sort empty first
            ? std::string()
            : fmt::format(" in {} and {}", sorted[i - 1]->path.string(), sorted[i]->path.string());
    throw RevisionGraphError(
        GraphErrorReason::duplicate_id, {id},
        fmt::format("duplicate revision id '{}'{}; give one of them a new id", id, where));
  }
}

RevisionGraph::RevisionGraph(std::vector<Revision> revisions) {
  reject_duplicate_ids(revisions);
  const auto by_id = sorted_by_id(revisions);
  reject_missing_parents(revisions, by_id);

  // Kahn's algorithm on input indexes. Children are visited in id order through a stack, so a
  // branch is ordered whole before its sibling and the order does not depend on file order.
  std::vector<std::vector<std::size_t>> children(revisions.size());
  for (const auto index : by_id) {
    for (const auto& parent : revisions[index].parents) {
      children[index_of(revisions, by_id, parent)].push_back(index);
    }
  }
  std::vector<std::size_t> waiting(revisions.size());  // parents not yet ordered
  std::vector<std::size_t> ready;
  for (auto it = by_id.rbegin(); it != by_id.rend(); ++it) {
    waiting[*it] = revisions[*it].parents.size();
    if (waiting[*it] == 0) ready.push_back(*it);
  }
  std::vector<std::size_t> order;
  order.reserve(revisions.size());
  while (!ready.empty()) {
    const auto node = ready.back();
    ready.pop_back();
    order.push_back(node);
    for (auto child = children[node].rbegin(); child != children[node].rend(); ++child) {
      if (--waiting[*child] == 0) ready.push_back(*child);
    }
  }
  if (order.size() != revisions.size()) {
    std::vector<bool> remaining(revisions.size(), true);
    for (const auto node : order) remaining[node] = false;
    throw_cycle(revisions, by_id, remaining);
  }

  std::vector<std::size_t> position_of(revisions.size());
  for (std::size_t position = 0; position < order.size(); ++position) {
    position_of[order[position]] = position;
  }
  children_.resize(order.size());
  for (std::size_t position = 0; position < order.size(); ++position) {
    for (const auto child : children[order[position]]) {
      children_[position].push_back(revisions[child].id);  // already in id order
    }
  }
  ordered_.reserve(order.size());
  revisions_.reserve(order.size());
  for (const auto node : order) {
    ordered_.push_back(revisions[node].id);
    revisions_.push_back(std::move(revisions[node]));
  }
  by_id_.reserve(by_id.size());
  for (const auto index : by_id) by_id_.push_back(position_of[index]);
  parent_positions_.resize(order.size());
  for (std::size_t position = 0; position < order.size(); ++position) {
    for (const auto& parent : revisions_[position].parents) {
      parent_positions_[position].push_back(index_of(revisions_, by_id_, parent));
    }
  }
  for (const auto position : by_id_) {
    if (children_[position].empty()) heads_.push_back(revisions_[position].id);
    if (revisions_[position].parents.empty()) bases_.push_back(revisions_[position].id);
  }
}

bool RevisionGraph::contains(std::string_view id) const {
  return index_of(revisions_, by_id_, id) != revisions_.size();
}

std::size_t RevisionGraph::position(std::string_view id) const {
  const auto position = index_of(revisions_, by_id_, id);
  if (position == revisions_.size()) {
    throw RevisionGraphError(GraphErrorReason::unknown_revision, {std::string(id)},
                             fmt::format("unknown revision '{}'; 'dbmigrate history' (target "
                                         "db_history) lists the revisions",
                                         id));
  }
  return position;
}

const Revision& RevisionGraph::at(std::string_view id) const {
  return revisions_[position(id)];
}

const Revision& RevisionGraph::find(std::string_view prefix) const {
  if (prefix.empty() || contains(prefix)) return at(prefix);
  std::vector<std::string> candidates;
  for (auto it = lower_bound_id(revisions_, by_id_, prefix);
       it != by_id_.end() && revisions_[*it].id.starts_with(prefix); ++it) {
    candidates.push_back(revisions_[*it].id);
  }
  if (candidates.size() == 1) return at(candidates.front());
  if (candidates.empty()) return at(prefix);  // throws unknown_revision
  constexpr std::size_t listed = 10;
  const auto shown = std::min(candidates.size(), listed);
  const auto more = candidates.size() > listed
                        ? fmt::format(" and {} more", candidates.size() - listed)
                        : std::string();
  throw RevisionGraphError(
      GraphErrorReason::ambiguous_prefix, candidates,
      fmt::format("ambiguous revision '{}': it starts {}{}; give more of the id", prefix,
                  fmt::join(candidates.begin(), candidates.begin() + shown, ", "), more));
}

const std::vector<std::string>& RevisionGraph::children(std::string_view id) const {
  return children_[position(id)];
}

std::vector<std::string> RevisionGraph::branch_points() const {
  std::vector<std::string> out;
  for (const auto position : by_id_) {
    if (children_[position].size() > 1) out.push_back(revisions_[position].id);
  }
  return out;
}

std::vector<std::string> RevisionGraph::merge_points() const {
  std::vector<std::string> out;
  for (const auto position : by_id_) {
    if (revisions_[position].parents.size() > 1) out.push_back(revisions_[position].id);
  }
  return out;
}

}  // namespace dbmigrate
