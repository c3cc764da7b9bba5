// A PostgreSQL .sql schema file as a Snapshot: run on a scratch schema, inspected, dropped.
#pragma once

#include <string_view>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::postgresql {

// `origin` names the file in messages, with the line of the statement at fault.
[[nodiscard]] Snapshot read_schema_file(std::string_view sql, std::string_view origin);

}  // namespace dbmigrate::postgresql
