// The whole graph is checked, not only the revisions a run plans: a migrations folder holds the
// revisions of one database, so one written for another dialect means the wrong folder or the
// wrong database, and is said before anything runs.
#include "runner/dialect_check.hpp"

#include <fmt/format.h>

#include "dbmigrate/error.hpp"

namespace dbmigrate::runner {

void refuse_other_dialect(const RevisionGraph& graph, std::string_view dialect,
                          std::string_view where) {
  for (const auto& revision : graph.revisions()) {
    const auto named = revision_dialect(revision);
    if (named.empty() || named == dialect) continue;
    const auto file = revision.path.empty() ? std::string() : " (" + revision.path.string() + ")";
    throw Error(ErrorKind::input,
                fmt::format("revision {}{} was generated for {}, not for {} ({}); nothing was run "
                            "— run the revisions against a {} database, or generate this one "
                            "again for {}",
                            revision.id, file, named, dialect, where, named, dialect));
  }
}

}  // namespace dbmigrate::runner
