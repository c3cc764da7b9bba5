// Whether a change of portable column type can lose data.
#pragma once

#include <string_view>

namespace dbmigrate {

// True when some value of type `from` cannot be stored unchanged as `to`
// (bigint -> integer, text -> varchar(20), real -> integer, ...).
[[nodiscard]] bool narrows(std::string_view from, std::string_view to);

}  // namespace dbmigrate
