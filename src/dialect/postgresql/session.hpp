// The PostgreSQL Session for the runner (docs/postgresql.md, "How a run is kept safe").
#pragma once

#include <memory>
#include <string>

#include "dbmigrate/runner.hpp"
#include "dbmigrate/session.hpp"

namespace dbmigrate::postgresql {

// A session on the database at `location` (a PostgreSQL URL, or a scratch location: a private
// schema dropped when the session ends). Throws Error(database) naming the URL, password masked,
// when it cannot connect.
[[nodiscard]] std::unique_ptr<Session> open_session(const std::string& location,
                                                    const RunnerOptions& options);

}  // namespace dbmigrate::postgresql
