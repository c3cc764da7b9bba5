// Operations to native PostgreSQL DDL: ALTER TABLE for every change, never a table rebuild.
#pragma once

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/operations.hpp"
#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::postgresql {

// `from` is the schema the operations start from. Names longer than 63 bytes are refused with
// Error(input) naming them. Warnings (a table rewrite under ACCESS EXCLUSIVE, an index built
// without CONCURRENTLY) are comments of their statements.
[[nodiscard]] SqlScript render(const Snapshot& from, const Operations& operations);

}  // namespace dbmigrate::postgresql
