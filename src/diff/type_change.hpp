// Whether a change of portable column type can lose data.
#pragma once

#include <string_view>

namespace dbmigrate {

// True when some value of type `from` cannot be stored unchanged as `to`
// (bigint -> integer, text -> varchar(20), real -> integer, ...).
[[nodiscard]] bool narrows(std::string_view from, std::string_view to);

// True when `from` -> `to` narrows only a declared length or precision within one kind of type
// (text -> varchar(200), varchar(50) -> char(20), numeric(10,2) -> numeric(5,2)): the values
// lost are those a database that enforces the size would cut or refuse.
[[nodiscard]] bool narrows_only_declared_size(std::string_view from, std::string_view to);

}  // namespace dbmigrate
