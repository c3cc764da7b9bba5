#include "cli/replay.hpp"

#include "dbmigrate/session.hpp"

namespace dbmigrate::cli {

Runner scratch_runner(const Dialect& dialect) {
  const RunnerOptions options;
  return Runner(dialect.open_session(dialect.scratch_location(), options), options);
}

}  // namespace dbmigrate::cli
