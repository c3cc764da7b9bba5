// The schema.json a merge revision gets: the schema its parents make together.
#pragma once

#include <string>
#include <vector>

#include "cli/project.hpp"

namespace dbmigrate::cli {

// After a git merge of two branches that each added a revision, schema.json holds one side's
// schema, or another revision's: a merge written on it would make the next migrate undo the
// other side. So the revisions up to `parents` are replayed on an in-memory database, and when
// that gives another schema than schema.json's, the replayed one is returned (the difference
// said on stderr). A replay that fails leaves schema.json as it is when it belongs to one of
// `parents`, and is Error(input) naming both otherwise.
[[nodiscard]] Snapshot merged_snapshot(const Project& project, const RevisionGraph& graph,
                                       const std::vector<std::string>& parents);

}  // namespace dbmigrate::cli
