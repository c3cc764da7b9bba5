// What a change costs a busy PostgreSQL server: the statements that hold an ACCESS EXCLUSIVE
// lock while they rewrite or scan a table, and CREATE INDEX blocking writes while it builds.
// Each warning names the table, says who waits, and gives the safer recipe. They are comments
// on the statement (SqlStatement::comments), shown by `migrate` and kept in the revision.
#pragma once

#include <string>
#include <string_view>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::postgresql {

// Every lock warning starts with this.
inline constexpr std::string_view lock_warning_prefix = "LOCK: ";

// Each returns the warning, or an empty string when the statement is cheap.
[[nodiscard]] std::string type_change_warning(std::string_view table, const Column& from,
                                              const Column& to);
[[nodiscard]] std::string add_column_warning(std::string_view table, const Column& column);
// `proven` when a validated CHECK (column IS NOT NULL) already proves the column has no NULL.
[[nodiscard]] std::string set_not_null_warning(std::string_view table, const Column& column,
                                               bool proven);
[[nodiscard]] std::string create_index_warning(std::string_view table, const Index& index);
[[nodiscard]] std::string add_foreign_key_warning(std::string_view table, const ForeignKey& fk);

// Whether a default calls a volatile function (random(), gen_random_uuid(), clock_timestamp(),
// nextval(), ...), so that ADD COLUMN must compute it for each existing row.
[[nodiscard]] bool volatile_default(std::string_view sql);

}  // namespace dbmigrate::postgresql
