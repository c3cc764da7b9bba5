// How the SQLite dialect is registered (src/dialect/builtin_dialects.cpp).
#pragma once

#include "dbmigrate/dialect_registry.hpp"

namespace dbmigrate::sqlite {

// "sqlite", for sqlite:/// URLs and bare paths.
[[nodiscard]] DialectRegistration registration();

}  // namespace dbmigrate::sqlite
