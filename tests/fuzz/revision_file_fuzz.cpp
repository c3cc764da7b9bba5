// The revision-file parser. Any text is either refused with `file:line` or parses into a
// revision that format_revision() writes in the fixed layout, and that layout is stable: the
// written text parses back to the same revision and formats back to the same bytes.
#include <string>

#include "dbmigrate/revision.hpp"
#include "finding.hpp"

using dbmigrate::fuzz::finding;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  dbmigrate::Revision first;
  try {
    // No file name: its check is a comparison with the id, and any id then passes.
    first = dbmigrate::parse_revision(dbmigrate::fuzz::as_text(data, size), {});
  } catch (const dbmigrate::Error&) {
    return 0;
  }
  const std::string written = dbmigrate::format_revision(first);
  dbmigrate::Revision second;
  try {
    second = dbmigrate::parse_revision(written, {});
  } catch (const dbmigrate::Error& error) {
    finding(fmt::format("a formatted revision does not parse: {}", error.what()), written);
  }
  if (second.id != first.id || second.parents != first.parents ||
      second.create_date != first.create_date || second.message != first.message ||
      second.headers != first.headers || second.upgrade_sql != first.upgrade_sql ||
      second.downgrade_sql != first.downgrade_sql) {
    finding("a formatted revision parses back to another revision", written);
  }
  if (dbmigrate::format_revision(second) != written) {
    finding("formatting a parsed revision again gives other bytes", written);
  }
  return 0;
}
