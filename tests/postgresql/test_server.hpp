// The private PostgreSQL server of the `postgresql`-labelled tests (tests/postgresql/README.md),
// and a fresh database on it for each test.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

#include "dialect/postgresql/connection.hpp"

namespace dbmigrate::testing {

struct TestServer {
  std::string url;           // the trusted superuser, database postgres
  std::string password_url;  // a user that must give its password (it is in this URL)
  std::string password;
  std::string port;
  std::string bindir;  // the server's binaries (psql)
};

// Read from the file the fixture wrote; throws when there is none, so that a test run without
// the server fails, never skips.
inline const TestServer& test_server() {
  static const TestServer server = [] {
    const char* state = std::getenv("DBMIGRATE_TEST_POSTGRESQL");
    if (state == nullptr || *state == '\0')
      throw std::runtime_error(
          "DBMIGRATE_TEST_POSTGRESQL is not set: run the test through ctest, whose fixture "
          "postgresql.server.start starts the server");
    std::ifstream in(state);
    if (!in)
      throw std::runtime_error(std::string("no PostgreSQL test server: ") + state +
                               " is missing (did postgresql.server.start fail?)");
    std::map<std::string, std::string> values;
    for (std::string line; std::getline(in, line);) {
      const auto equals = line.find('=');
      if (equals != std::string::npos) values[line.substr(0, equals)] = line.substr(equals + 1);
    }
    return TestServer{.url = values["URL"],
                      .password_url = values["PASSWORD_URL"],
                      .password = values["PASSWORD"],
                      .port = values["PORT"],
                      .bindir = values["BINDIR"]};
  }();
  return server;
}

// The server's URL with another database name.
inline std::string database_url(const std::string& server_url, const std::string& database) {
  return server_url.substr(0, server_url.rfind('/') + 1) + database;
}

// A new, empty database named after the running test (lower case, at most 63 bytes); its URL.
inline std::string fresh_database(const std::string& suffix = "") {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = "t_";
  for (const char c : std::string(info->test_suite_name()) + "_" + info->name() + suffix) {
    name += std::isalnum(static_cast<unsigned char>(c)) != 0
                ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                : '_';
  }
  if (name.size() > 63)
    name = name.substr(0, 55) + "_" + std::to_string(std::hash<std::string>{}(name) % 10000000);
  postgresql::Connection admin(test_server().url);
  admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  admin.execute("CREATE DATABASE " + name);
  return database_url(test_server().url, name);
}

}  // namespace dbmigrate::testing
