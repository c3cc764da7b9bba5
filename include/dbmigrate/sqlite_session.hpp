// Opening an SQLite database for the runner: the SQLite Session, and a Runner over one.
#pragma once

#include <memory>
#include <string>

#include "dbmigrate/runner.hpp"
#include "dbmigrate/session.hpp"

namespace dbmigrate {

// Opens (creating if needed) the database file, `:memory:` or an SQLite URI, and turns
// foreign-key enforcement on, as applications expect; with options.read_only, opens an
// existing database to read it. Throws Error(database) naming the path when it cannot be
// opened, is not a database, or is read-only. Waits for another run's lock up to
// options.lock_timeout; reports progress as options say.
[[nodiscard]] std::unique_ptr<Session> open_sqlite_session(const std::string& database_path,
                                                           const RunnerOptions& options = {});

// Runner(open_sqlite_session(database_path, options), options).
Runner open_sqlite_runner(const std::string& database_path, const RunnerOptions& options = {});

}  // namespace dbmigrate
