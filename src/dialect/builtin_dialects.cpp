#include "dialect/builtin_dialects.hpp"

#include "dialect/sqlite/sqlite_dialect.hpp"

namespace dbmigrate {

void register_builtin_dialects(const std::function<void(DialectRegistration)>& add) {
  add(sqlite::registration());
}

}  // namespace dbmigrate
