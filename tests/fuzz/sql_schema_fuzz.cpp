// The `.sql` schema reader: SQLite runs the file on a scratch connection, which is then
// inspected. Any input is either refused with an input error or gives a snapshot that the JSON
// reader accepts back as the same snapshot (`migrate` writes it to schema.json, which every
// later command reads).
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
  dbmigrate::Snapshot snapshot;
  try {
    const dbmigrate::fuzz::InputBudget budget;
    snapshot = dbmigrate::snapshot_from_sql(dbmigrate::fuzz::as_text(data, size), "fuzz.sql");
  } catch (const dbmigrate::Error&) {
    return 0;
  }
  const std::string written = dbmigrate::to_json(snapshot);
  dbmigrate::Snapshot read_back;
  try {
    const dbmigrate::SqliteFragmentCheck fragments;  // as every command reads schema.json
    read_back = dbmigrate::snapshot_from_json(written, "schema.json", &fragments);
  } catch (const dbmigrate::Error& error) {
    finding(fmt::format("the JSON reader refuses what the .sql reader read: {}", error.what()),
            written);
  }
  if (!(read_back == snapshot)) finding("the snapshot written as JSON reads back changed", written);
  return 0;
}
