// The parts of the PostgreSQL dialect still to come: each refuses with a clear message.
#include <fmt/format.h>

#include "dbmigrate/error.hpp"
#include "dialect/postgresql/inspect.hpp"
#include "dialect/postgresql/render.hpp"
#include "dialect/postgresql/schema_file.hpp"
#include "dialect/postgresql/session.hpp"
#include "dialect/postgresql/sql_text.hpp"
#include "dialect/postgresql/types.hpp"

namespace dbmigrate::postgresql {
namespace {

[[noreturn]] void not_yet(std::string_view what) {
  throw Error(ErrorKind::input,
              fmt::format("PostgreSQL: {} is not in this build of DbMigrate yet", what));
}

}  // namespace

std::unique_ptr<Session> open_session(const std::string& /*location*/,
                                      const RunnerOptions& /*options*/) {
  not_yet("running revisions");
}

}  // namespace dbmigrate::postgresql
