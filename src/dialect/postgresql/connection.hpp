// An RAII libpq connection: open from a PostgreSQL URL (database_url.hpp), plain statements,
// queries with text parameters. Every failure throws DatabaseError with the server's SQLSTATE
// and its message; no message ever holds a password.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/error.hpp"

struct pg_conn;  // libpq's PGconn

namespace dbmigrate::postgresql {

using Row = std::vector<std::optional<std::string>>;     // a NULL is nullopt
using Params = std::vector<std::optional<std::string>>;  // $1, $2, ... as text; nullopt is NULL

// SQLSTATEs the runner tells apart.
inline constexpr std::string_view lock_not_available = "55P03";  // lock_timeout, NOWAIT
inline constexpr std::string_view query_canceled = "57014";      // statement_timeout
// CREATE INDEX CONCURRENTLY, VACUUM, ... inside a transaction block.
inline constexpr std::string_view active_sql_transaction = "25001";
inline constexpr std::string_view undefined_object = "42704";  // an unknown setting

class Connection {
 public:
  // Opens a connection to `location`: a postgresql:// or postgres:// URL, with `?schema=` to
  // choose the schema (the search_path then holds it alone); libpq's environment variables
  // (PGHOST, PGPASSWORD, ...) and service files give what the URL leaves out. Throws
  // Error(input) for a malformed URL, DatabaseError(database) naming the URL, password masked,
  // when the server cannot be reached or refuses the login.
  explicit Connection(const std::string& location);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;
  ~Connection();

  // Runs one or more statements (the simple query protocol: several statements in one string
  // run as one implicit transaction unless they say BEGIN/COMMIT themselves). Throws
  // DatabaseError for the failing one.
  void execute(std::string_view sql);
  // Runs one statement with parameters $1, $2, ... given as text; its rows, every value as
  // text (NULL as nullopt).
  [[nodiscard]] std::vector<Row> query(std::string_view sql, const Params& params = {});
  // The first column of the first row; nullopt when there is no row or it is NULL.
  [[nodiscard]] std::optional<std::string> query_value(std::string_view sql,
                                                       const Params& params = {});

  // The URL as messages name it: password masked.
  [[nodiscard]] const std::string& shown() const noexcept { return shown_; }
  // The schema `?schema=` chose; empty when the server's search_path decides.
  [[nodiscard]] const std::string& schema() const noexcept { return schema_; }

 private:
  struct Finish {
    void operator()(pg_conn* conn) const noexcept;
  };
  std::unique_ptr<pg_conn, Finish> conn_;
  std::string shown_;
  std::string schema_;
  std::vector<std::string> secrets_;  // the password as given, to strip from libpq's messages
};

}  // namespace dbmigrate::postgresql
