// What the version table's heads mean for one revision: applied or not, still to run or not,
// and the heads a stamp leaves. Pure functions of the graph; the runner calls them under the
// write lock.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/revision.hpp"
#include "runner/direction.hpp"

namespace dbmigrate::runner {

// By position in graph.ordered(): the heads and all their ancestors. Heads the graph does not
// know are left out (upgrade_plan reports them, with advice).
[[nodiscard]] std::vector<bool> applied_mask(const RevisionGraph& graph,
                                             const std::vector<std::string>& heads);

// Whether `revision` still has to run in `direction`, judged on heads read under the lock:
// false when another run already did it. Throws Error(check) when another run moved the
// database so that it can no longer run (a parent reverted, a child applied).
[[nodiscard]] bool still_needed(const RevisionGraph& graph, const std::vector<std::string>& heads,
                                const Revision& revision, Direction direction);

// Whether a revision of `planned` that is still to run in `direction`, judged on heads read
// under the lock, is destructive (section_needs()): the run
// must then be backed up before it changes anything.
[[nodiscard]] bool destructive_ahead(const RevisionGraph& graph,
                                     const std::vector<std::string>& heads,
                                     std::span<const std::string> planned, Direction direction);

// The heads after stamping `id`: it replaces the heads on its line of descent (its ancestors
// and descendants), other branches keep theirs. Sorted.
[[nodiscard]] std::vector<std::string> heads_after_stamp(const RevisionGraph& graph,
                                                         std::vector<std::string> heads,
                                                         const std::string& id);

}  // namespace dbmigrate::runner
