// The PostgreSQL renderer: every operation as native DDL, never a table rebuild.
#pragma once

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/operations.hpp"
#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::postgresql {

// `from` is the schema the operations start from; the renderer follows it as it goes. A name
// longer than 63 bytes is refused with Error(input) naming it. Statements that lock a table
// that already exists while they rewrite or scan it carry a lock warning (lock_warnings.hpp).
[[nodiscard]] SqlScript render(const Snapshot& from, const Operations& operations);

// What PostgreSQL does natively: everything; DDL is transactional; quoted names are exact.
[[nodiscard]] DialectCapabilities capabilities();

}  // namespace dbmigrate::postgresql
