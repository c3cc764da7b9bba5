#include "dialect/builtin_dialects.hpp"

#include "dialect/sqlite/sqlite_dialect.hpp"
#if DBMIGRATE_POSTGRESQL
#include "dialect/postgresql/postgresql_dialect.hpp"
#endif

namespace dbmigrate {

void register_builtin_dialects(const std::function<void(DialectRegistration)>& add) {
  add(sqlite::registration());
#if DBMIGRATE_POSTGRESQL
  add(postgresql::registration());
#endif
}

}  // namespace dbmigrate
