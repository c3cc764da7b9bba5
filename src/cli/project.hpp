// The migrations folder a user commits: settings, the head snapshot, the revisions.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/revision.hpp"
#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::cli {

struct Settings {
  std::string dialect = "sqlite";
  std::string database_url;  // used when neither --url nor DATABASE_URL is given
  std::string model;         // used when --model is not given
  int keep_backups = 5;      // the newest backups kept beside a database; 0 keeps every one
  // PostgreSQL's lock_timeout and statement_timeout for each revision; none: the server's own.
  std::optional<std::chrono::milliseconds> lock_timeout;
  std::optional<std::chrono::milliseconds> statement_timeout;
};

class Project {
 public:
  // Reads `dir`; throws Error(input) saying to run `dbmigrate init` when it is not there.
  explicit Project(std::filesystem::path dir);

  // Creates the folder (refusing an existing one) with settings and an empty snapshot.
  static void init(const std::filesystem::path& dir, const Settings& settings);

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  [[nodiscard]] std::filesystem::path versions_dir() const { return dir_ / "versions"; }
  [[nodiscard]] std::filesystem::path schema_path() const { return dir_ / "schema.json"; }
  [[nodiscard]] const Settings& settings() const { return settings_; }
  [[nodiscard]] std::filesystem::path settings_path() const { return dir_ / "dbmigrate.json"; }
  // The dialect dbmigrate.json names (SQLite when it names none).
  [[nodiscard]] const Dialect& dialect() const { return *dialect_; }

  [[nodiscard]] Snapshot head_snapshot() const;  // schema.json
  [[nodiscard]] RevisionGraph graph() const;     // every revision file, checked

 private:
  std::filesystem::path dir_;
  Settings settings_;
  const Dialect* dialect_ = nullptr;
};

}  // namespace dbmigrate::cli
