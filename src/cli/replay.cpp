#include "cli/replay.hpp"

#include "dbmigrate/session.hpp"

namespace dbmigrate::cli {

Runner scratch_runner(const Dialect& dialect) {
  const RunnerOptions options{.compare_checksums = false};
  return Runner(dialect.open_session(dialect.scratch_location(), options), options);
}

Snapshot replayed_schema(const Dialect& dialect, const RevisionGraph& graph,
                         const std::vector<std::string>& heads) {
  Runner runner = scratch_runner(dialect);
  QuietReporter reporter;
  for (const auto& id : heads) (void)runner.upgrade(graph, id, reporter);
  return runner.schema();
}

}  // namespace dbmigrate::cli
