// migrations/: dbmigrate.json (settings), schema.json (the model at head), versions/.
#include "cli/project.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "cli/sources.hpp"
#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/revision.hpp"
#include "dbmigrate/snapshot_json.hpp"

namespace fs = std::filesystem;

namespace dbmigrate::cli {

namespace {

// A timeout in seconds, as PostgreSQL's setting in milliseconds: a number from 0 (no limit) to a
// day.
std::chrono::milliseconds timeout_setting(const fs::path& file, const std::string& key,
                                          const nlohmann::json& value) {
  if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > 86400) {
    throw Error(ErrorKind::input,
                fmt::format("{}: {}: expected a number of seconds, from 0 (no limit) to 86400",
                            file.string(), key));
  }
  return std::chrono::milliseconds(std::llround(value.get<double>() * 1000));
}

}  // namespace

Project::Project(fs::path dir) : dir_(std::move(dir)) {
  const fs::path settings_file = dir_ / "dbmigrate.json";
  if (!fs::exists(settings_file)) {
    throw Error(ErrorKind::input,
                fmt::format("'{}' is not a migrations folder (no dbmigrate.json): run "
                            "'dbmigrate init' (target db_init) first, or pass --dir",
                            dir_.string()));
  }
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(read_file(settings_file));
  } catch (const nlohmann::json::exception& error) {
    throw Error(ErrorKind::input,
                fmt::format("{}: not valid JSON: {}", settings_file.string(), error.what()));
  }
  if (!json.is_object())
    throw Error(ErrorKind::input, fmt::format("{}: expected an object", settings_file.string()));
  for (const auto& [key, value] : json.items()) {
    if (key != "format" && key != "dialect" && key != "database_url" && key != "model" &&
        key != "keep_backups" && key != "lock_timeout" && key != "statement_timeout") {
      throw Error(ErrorKind::input,
                  fmt::format("{}: {}: unknown setting", settings_file.string(), key));
    }
    if (key == "keep_backups") {
      if (!value.is_number_integer() || value.get<long long>() < 0 ||
          value.get<long long>() > 1000000) {
        throw Error(ErrorKind::input,
                    fmt::format("{}: keep_backups: expected a whole number of backups to keep, 0 "
                                "to keep every one",
                                settings_file.string()));
      }
      settings_.keep_backups = value.get<int>();
      continue;
    }
    if (key == "lock_timeout" || key == "statement_timeout") {
      (key == "lock_timeout" ? settings_.lock_timeout : settings_.statement_timeout) =
          timeout_setting(settings_file, key, value);
      continue;
    }
    if (key != "format" && !value.is_string()) {
      throw Error(ErrorKind::input,
                  fmt::format("{}: {}: expected string", settings_file.string(), key));
    }
  }
  settings_.dialect = json.value("dialect", "sqlite");
  settings_.database_url = json.value("database_url", "");
  settings_.model = json.value("model", "");
  try {
    dialect_ = &dialect_named(settings_.dialect);
  } catch (const Error& error) {
    throw Error(ErrorKind::input, fmt::format("{}: {}", settings_file.string(), error.what()));
  }
}

void Project::init(const fs::path& dir, const Settings& settings) {
  if (fs::exists(dir)) {
    throw Error(ErrorKind::usage,
                fmt::format("'{}' exists already: init never overwrites a migrations folder",
                            dir.string()));
  }
  // Built in a hidden sibling and renamed into place in one step: a failure on the way (a full
  // disk) leaves no half-made folder that the next init would refuse.
  fs::path target = dir.lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  const fs::path building =
      target.parent_path() / fmt::format(".{}.init-{}", target.filename().string(), ::getpid());
  if (!target.parent_path().empty()) fs::create_directories(target.parent_path());
  try {
    fs::create_directories(building / "versions");
    // git keeps no empty folder: without a file in it, a fresh clone has no versions/ to
    // write the first revision into. The loader reads only `*.sql` files, so this one is ignored.
    write_file_atomically(building / "versions" / ".gitkeep", "");
    nlohmann::json json = {{"format", 1}, {"dialect", settings.dialect}};
    if (!settings.database_url.empty()) json["database_url"] = settings.database_url;
    if (!settings.model.empty()) json["model"] = settings.model;
    write_file_atomically(building / "dbmigrate.json", json.dump(2) + "\n");
    write_file_atomically(building / "schema.json", to_json(Snapshot{}));
    fs::rename(building, target);
  } catch (const std::exception& error) {
    std::error_code ignored;
    fs::remove_all(building, ignored);
    throw Error(ErrorKind::input, fmt::format("cannot create the migrations folder '{}': {}; "
                                              "nothing was created — free space or fix the "
                                              "permissions and run init again",
                                              dir.string(), error.what()));
  }
}

Snapshot Project::head_snapshot() const {
  if (!fs::exists(schema_path())) return {};
  return read_snapshot_json(read_file(schema_path()), schema_path().string(), *dialect_);
}

RevisionGraph Project::graph() const {
  if (!fs::exists(versions_dir())) return RevisionGraph{};
  return RevisionGraph(load_revisions(versions_dir()));
}

}  // namespace dbmigrate::cli
