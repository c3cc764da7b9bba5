// Reading SQLite statements as text where SQLite gives no API for it: whether a statement
// controls the transaction, and which table a rebuild in a revision written before the needs
// headers copies into.
#pragma once

#include <string>
#include <string_view>

namespace dbmigrate::sqlite {

// True for a statement that would end or nest the runner's transaction: BEGIN, COMMIT, END,
// ROLLBACK (but not ROLLBACK TO a savepoint). A COMMIT in a section would make the revision
// half-applied if a later statement failed.
[[nodiscard]] bool controls_transaction(std::string_view statement);

// The table a rebuild copies into, when `statement` is such a copy
// (`INSERT INTO _dbmigrate_new_<table> ...`); empty otherwise. For revisions written before the
// needs headers, which do not say which tables they rebuild.
[[nodiscard]] std::string rebuild_copy_target(std::string_view statement);

// The table a rebuild of `table` copies its rows into (the renderer's name for it).
[[nodiscard]] std::string rebuild_copy_name(std::string_view table);

}  // namespace dbmigrate::sqlite
