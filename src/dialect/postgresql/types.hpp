// Portable types (docs/types.md) and PostgreSQL's declared types, both ways.
#pragma once

#include <string>
#include <string_view>

namespace dbmigrate::postgresql {

// The portable type of a PostgreSQL type as declared or as format_type() spells it.
[[nodiscard]] std::string portable_type(std::string_view declared);
// The PostgreSQL type to declare for a portable type.
[[nodiscard]] std::string declared_type(std::string_view portable);

}  // namespace dbmigrate::postgresql
