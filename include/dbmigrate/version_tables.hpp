// The tables DbMigrate keeps in a database it manages (docs/cli.md, "What a run guarantees"):
// never part of a snapshot, whatever the dialect.
#pragma once

#include <string_view>

namespace dbmigrate {

inline constexpr std::string_view version_table_name = "dbmigrate_version";
inline constexpr std::string_view history_table_name = "dbmigrate_history";

}  // namespace dbmigrate
