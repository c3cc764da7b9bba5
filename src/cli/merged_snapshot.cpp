// Checking and, where it lacks what the merged revisions do, rebuilding schema.json for a merge.
#include "cli/merged_snapshot.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdio>

#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/runner.hpp"
#include "cli/replay.hpp"

namespace dbmigrate::cli {
Snapshot merged_snapshot(const Project& project, const RevisionGraph& graph,
                         const std::vector<std::string>& parents) {
  Snapshot head = project.head_snapshot();
  const std::string recorded = head.head.value_or("");
  const bool belongs = std::find(parents.begin(), parents.end(), recorded) != parents.end();
  Snapshot replayed;
  try {
    replayed = replayed_schema(project.dialect(), graph, parents);
  } catch (const Error& error) {
    if (belongs) return head;
    throw Error(ErrorKind::input,
                fmt::format("{} belongs to revision '{}', not to one of the revisions merged "
                            "({}), and replaying them to rebuild it failed: {}; restore the "
                            "schema.json of one of them (git checkout <branch> -- {}) and merge "
                            "again",
                            project.schema_path().string(), recorded, fmt::join(parents, ", "),
                            error.what(), project.schema_path().string()));
  }
  if (equivalent(replayed, head)) return head;
  std::vector<std::string> changes;
  for (const auto& operation : diff(head, replayed)) changes.push_back(operation.describe());
  fmt::print(stderr,
             "{} (at revision '{}') is not the schema the merged revisions make: {}; the merge's "
             "schema.json is rebuilt by replaying them\n",
             project.schema_path().string(), recorded, fmt::join(changes, "; "));
  return replayed;
}

}  // namespace dbmigrate::cli
