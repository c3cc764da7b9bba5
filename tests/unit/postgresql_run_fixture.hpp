// The command line run against the tests' PostgreSQL server: a migrations folder of its own
// and a fresh database for each test (tests/postgresql/README.md).
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "dialect/postgresql/connection.hpp"
#include "postgresql/test_server.hpp"

namespace dbmigrate {

namespace fs = std::filesystem;
using postgresql::Connection;
using testing::fresh_database;

struct Output {
  int status;
  std::string text;
};

inline Output run(const std::string& command) {
  Output out{0, {}};
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  char buffer[4096];
  while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) out.text.append(buffer, n);
  const int status = ::pclose(pipe);
  out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

inline void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string revision(const std::string& id, const std::string& parent, const std::string& up,
                            const std::string& down) {
  return "-- Revision ID: " + id + "\n-- Revises: " + parent +
         "\n-- Create Date: 2026-12-07 12:00:00+00:00\n-- Message: step " + id +
         "\n-- Dialect: postgresql\n\n-- migrate:upgrade\n" + up + "\n-- migrate:downgrade\n" +
         down + "\n";
}

class PgRun : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dbmigrate-pgrun-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    url_ = fresh_database();
    ASSERT_EQ(cli("init").status, 0);
    write(dir_ / "migrations" / "dbmigrate.json", R"({"dialect": "postgresql", "format": 1})");
  }
  void TearDown() override { fs::remove_all(dir_); }

  Output cli(const std::string& args, const std::string& url = "") {
    return run("DATABASE_URL='" + (url.empty() ? url_ : url) + "' " DBMIGRATE_CLI " --dir '" +
               (dir_ / "migrations").string() + "' " + args);
  }
  fs::path version_file(const std::string& name) { return dir_ / "migrations" / "versions" / name; }

  fs::path dir_;
  std::string url_;
};

}  // namespace dbmigrate
