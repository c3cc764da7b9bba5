// Loading libpq with dlopen: the soname the headers were built for, then the development link.
#include "dialect/postgresql/libpq.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <string>

#include "dbmigrate/error.hpp"

namespace dbmigrate::postgresql {
namespace {

constexpr const char* install_hint =
    "PostgreSQL needs libpq: install it (on Debian and Ubuntu: sudo apt-get install libpq5)";

void* open_library() {
  std::string reasons;
  for (const char* name : {"libpq.so.5", "libpq.5.dylib", "libpq.so"}) {
    if (void* handle = ::dlopen(name, RTLD_NOW | RTLD_LOCAL)) return handle;
    if (const char* reason = ::dlerror()) reasons += fmt::format("\n  {}", reason);
  }
  throw Error(ErrorKind::database, fmt::format("{}; it could not be loaded:{}", install_hint, reasons));
}

template <typename Function>
void resolve(void* library, const char* symbol, Function& function) {
  function = reinterpret_cast<Function>(::dlsym(library, symbol));
  if (function == nullptr) {
    throw Error(ErrorKind::database,
                fmt::format("{}: the libpq found lacks {} (it is older than 9.1?)", install_hint,
                            symbol));
  }
}

Libpq load() {
  void* library = open_library();  // stays loaded: the process may reconnect at any time
  Libpq pq{};
  resolve(library, "PQconnectdb", pq.connectdb);
  resolve(library, "PQstatus", pq.status);
  resolve(library, "PQerrorMessage", pq.error_message);
  resolve(library, "PQfinish", pq.finish);
  resolve(library, "PQsetNoticeProcessor", pq.set_notice_processor);
  resolve(library, "PQsetClientEncoding", pq.set_client_encoding);
  resolve(library, "PQexec", pq.exec);
  resolve(library, "PQexecParams", pq.exec_params);
  resolve(library, "PQresultStatus", pq.result_status);
  resolve(library, "PQresultErrorField", pq.result_error_field);
  resolve(library, "PQntuples", pq.ntuples);
  resolve(library, "PQnfields", pq.nfields);
  resolve(library, "PQgetisnull", pq.getisnull);
  resolve(library, "PQgetvalue", pq.getvalue);
  resolve(library, "PQgetlength", pq.getlength);
  resolve(library, "PQclear", pq.clear);
  return pq;
}

}  // namespace

const Libpq& libpq() {
  static const Libpq loaded = load();
  return loaded;
}

}  // namespace dbmigrate::postgresql
