// The dialects built into the library. Adding one is a folder under src/dialect/ and one line
// in builtin_dialects.cpp (docs/architecture.md, "Adding a dialect").
#pragma once

#include <functional>

#include "dbmigrate/dialect_registry.hpp"

namespace dbmigrate {

void register_builtin_dialects(const std::function<void(DialectRegistration)>& add);

}  // namespace dbmigrate
