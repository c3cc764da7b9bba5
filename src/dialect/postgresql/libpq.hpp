// libpq, loaded the first time a PostgreSQL database is opened. Linking it would load it and
// the 27 shared libraries it needs (Kerberos, LDAP, TLS) at the start of every run, SQLite's
// too: several milliseconds of a 10 ms `current`. A build made with libpq's headers thus runs
// without libpq installed until a postgresql:// URL is used, and then says what to install.
#pragma once

#include <libpq-fe.h>

namespace dbmigrate::postgresql {

// The libpq functions the dialect calls (connection.cpp is their one user).
struct Libpq {
  decltype(&::PQconnectdb) connectdb;
  decltype(&::PQstatus) status;
  decltype(&::PQerrorMessage) error_message;
  decltype(&::PQfinish) finish;
  decltype(&::PQsetNoticeProcessor) set_notice_processor;
  decltype(&::PQsetClientEncoding) set_client_encoding;
  decltype(&::PQexec) exec;
  decltype(&::PQexecParams) exec_params;
  decltype(&::PQresultStatus) result_status;
  decltype(&::PQresultErrorField) result_error_field;
  decltype(&::PQntuples) ntuples;
  decltype(&::PQnfields) nfields;
  decltype(&::PQgetisnull) getisnull;
  decltype(&::PQgetvalue) getvalue;
  decltype(&::PQgetlength) getlength;
  decltype(&::PQclear) clear;
};

// libpq's functions, loaded once (thread-safe). Throws Error(database) naming the library and
// the Debian package to install when it cannot be loaded or lacks one of them.
const Libpq& libpq();

}  // namespace dbmigrate::postgresql
