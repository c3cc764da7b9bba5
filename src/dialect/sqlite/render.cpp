// SQLite renderer: operations -> SQL.
#include <fmt/format.h>

#include "dbmigrate/error.hpp"
#include "dbmigrate/sqlite.hpp"

namespace dbmigrate {

DialectCapabilities SqliteDialect::capabilities() const {
  return {.transactional_ddl = true, .native_drop_column = true, .native_alter_column = false};
}

SqlScript SqliteDialect::render(const Snapshot&, const Operations& operations) const {
  if (!operations.empty()) throw Error(ErrorKind::usage, "the SQLite renderer is being written");
  return {};
}

}  // namespace dbmigrate
