// libpq (loaded by libpq.cpp) behind Connection: results freed by RAII, errors as DatabaseError with the SQLSTATE.
#include "dialect/postgresql/connection.hpp"

#include <fmt/format.h>
#include "dialect/postgresql/database_url.hpp"
#include "dialect/postgresql/libpq.hpp"

namespace dbmigrate::postgresql {
namespace {

struct ClearResult {
  void operator()(PGresult* result) const noexcept { libpq().clear(result); }
};
using Result = std::unique_ptr<PGresult, ClearResult>;

std::string first_line(std::string_view sql) {
  auto text = std::string(sql.substr(0, sql.find('\n')));
  if (text.size() > 200) text = text.substr(0, 200) + "...";
  return text;
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string field(const PGresult* result, int code) {
  const char* value = libpq().result_error_field(result, code);
  return value != nullptr ? value : "";
}

// The server's words: its message, and its detail and hint when it gives them.
std::string server_message(const PGresult* result, pg_conn* conn) {
  auto message = field(result, PG_DIAG_MESSAGE_PRIMARY);
  if (message.empty()) return trimmed(libpq().error_message(conn));
  if (const auto detail = field(result, PG_DIAG_MESSAGE_DETAIL); !detail.empty())
    message += fmt::format(" ({})", detail);
  if (const auto hint = field(result, PG_DIAG_MESSAGE_HINT); !hint.empty())
    message += fmt::format("; hint: {}", hint);
  return message;
}

// Notices (DROP ... IF EXISTS of nothing, implicit sequences) are not the user's business:
// libpq would print them on stderr.
void ignore_notice(void* /*arg*/, const char* /*message*/) {}

}  // namespace

void Connection::Finish::operator()(pg_conn* conn) const noexcept {
  libpq().finish(conn);
}

Connection::Connection(const std::string& location) {
  auto target = connection_target(location);
  shown_ = std::move(target.shown);
  schema_ = std::move(target.schema);
  secrets_ = std::move(target.secrets);
  conn_.reset(libpq().connectdb(target.conninfo.c_str()));
  if (!conn_) {
    throw DatabaseError(ErrorKind::database,
                        fmt::format("cannot connect to {}: out of memory", shown_), 0,
                        "out of memory", "");
  }
  if (libpq().status(conn_.get()) != CONNECTION_OK) {
    const auto reason = without_secrets(trimmed(libpq().error_message(conn_.get())), secrets_);
    throw DatabaseError(ErrorKind::database,
                        fmt::format("cannot connect to PostgreSQL at {}: {}", shown_, reason), 0,
                        reason, "");
  }
  libpq().set_notice_processor(conn_.get(), ignore_notice, nullptr);
  if (libpq().set_client_encoding(conn_.get(), "UTF8") != 0) {
    throw DatabaseError(ErrorKind::database,
                        fmt::format("{}: the server does not speak UTF8", shown_), 0,
                        "client_encoding", "");
  }
  if (!schema_.empty()) {
    (void)query("SELECT pg_catalog.set_config('search_path', pg_catalog.quote_ident($1), false)",
                {schema_});
  }
}

Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

namespace {

// Throws DatabaseError unless the result is a success.
void check(pg_conn* conn, const PGresult* result, std::string_view sql,
           const std::vector<std::string>& secrets) {
  const auto status = result != nullptr ? libpq().result_status(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY)
    return;
  const auto sqlstate = result != nullptr ? field(result, PG_DIAG_SQLSTATE) : std::string();
  const auto reason = without_secrets(server_message(result, conn), secrets);
  throw DatabaseError(
      ErrorKind::database,
      fmt::format("in statement '{}': {}{}", first_line(sql), reason,
                  sqlstate.empty() ? std::string() : fmt::format(" (SQLSTATE {})", sqlstate)),
      0, reason, std::string(sql), sqlstate);
}

}  // namespace

void Connection::execute(std::string_view sql) {
  const std::string text(sql);
  // PQexec returns the last statement's result; an earlier failure stops the string there and
  // is that result.
  const Result result(libpq().exec(conn_.get(), text.c_str()));
  check(conn_.get(), result.get(), sql, secrets_);
}

std::vector<Row> Connection::query(std::string_view sql, const Params& params) {
  const std::string text(sql);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  const Result result(libpq().exec_params(conn_.get(), text.c_str(), static_cast<int>(values.size()),
                                   nullptr, values.data(), nullptr, nullptr, 0));
  check(conn_.get(), result.get(), sql, secrets_);
  std::vector<Row> rows;
  const int row_count = libpq().ntuples(result.get());
  const int column_count = libpq().nfields(result.get());
  rows.reserve(static_cast<std::size_t>(row_count));
  for (int r = 0; r < row_count; ++r) {
    Row row;
    row.reserve(static_cast<std::size_t>(column_count));
    for (int c = 0; c < column_count; ++c) {
      if (libpq().getisnull(result.get(), r, c) != 0) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(std::string(libpq().getvalue(result.get(), r, c),
                                     static_cast<std::size_t>(libpq().getlength(result.get(), r, c))));
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<std::string> Connection::query_value(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty() || rows.front().empty()) return std::nullopt;
  return std::move(rows.front().front());
}

}  // namespace dbmigrate::postgresql
