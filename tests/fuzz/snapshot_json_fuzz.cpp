// The snapshot JSON reader (schema.json, .json sources). Any input either is refused with an
// input error or reads into a snapshot whose canonical JSON reads back to the same snapshot
// and writes back to the same bytes: read → write → read → write is byte-identical.
#include <string>

#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot_json.hpp"
#include "dbmigrate/sqlite.hpp"
#include "finding.hpp"
#include "sqlite_budget.hpp"

using dbmigrate::fuzz::finding;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)dbmigrate::fuzz::SqliteWatchdog::instance();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // SQL text is checked as every command that renders from a snapshot checks it.
  const dbmigrate::SqliteFragmentCheck fragments;
  const dbmigrate::fuzz::InputBudget budget;
  dbmigrate::Snapshot first;
  try {
    first = dbmigrate::snapshot_from_json(dbmigrate::fuzz::as_text(data, size), "fuzz.json",
                                          &fragments);
  } catch (const dbmigrate::Error&) {
    return 0;  // refused with a message: what the reader should do with bad input
  }
  const std::string written = dbmigrate::to_json(first);
  dbmigrate::Snapshot second;
  try {
    second = dbmigrate::snapshot_from_json(written, "written.json", &fragments);
  } catch (const dbmigrate::Error& error) {
    finding(fmt::format("the JSON written for an accepted snapshot is refused: {}", error.what()),
            written);
  }
  if (!(second == first)) finding("the written JSON reads back to another snapshot", written);
  const std::string rewritten = dbmigrate::to_json(second);
  if (rewritten != written) {
    finding("writing the snapshot read back gives other bytes",
            fmt::format("first:\n{}\nsecond:\n{}", written, rewritten));
  }
  return 0;
}
