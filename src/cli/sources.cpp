// Reading a snapshot from each kind of source.
#include "cli/sources.hpp"

#include <fmt/format.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "dbmigrate/error.hpp"
#include "dbmigrate/revision.hpp"
#include "dbmigrate/snapshot_json.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"

namespace fs = std::filesystem;

namespace dbmigrate::cli {
namespace {

// Runs a command, each argument quoted for the shell, and returns what it printed on
// standard output (its errors go to ours); a non-zero exit is an error.
std::string output_of(const std::vector<std::string>& argv, const std::string& what) {
  std::string command;
  for (const auto& arg : argv) {
    command += "'";
    for (char c : arg) command += c == '\'' ? std::string("'\\''") : std::string(1, c);
    command += "' ";
  }
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw Error(ErrorKind::input, fmt::format("cannot run {}", what));
  std::string out;
  std::array<char, 65536> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) out.append(buffer.data(), n);
  int status = pclose(pipe.release());
  if (status != 0) {
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    throw Error(ErrorKind::input, fmt::format("{} failed (exit {})", what, code));
  }
  return out;
}

Snapshot from_text(const std::string& text, const std::string& name) {
  if (name.ends_with(".sql")) return snapshot_from_sql(text, name);
  return read_snapshot_json(text, name);
}

}  // namespace

Snapshot read_snapshot_json(std::string_view text, const std::string& origin) {
  const SqliteFragmentCheck fragments;
  return snapshot_from_json(text, origin, &fragments);
}

bool looks_like_url(const std::string& source) { return source.find("://") != std::string::npos; }

DatabaseUrl parse_database_url(const std::string& url) {
  if (url.starts_with("sqlite:///")) {
    std::string path = url.substr(std::string_view("sqlite:///").size());
    if (path.empty()) throw Error(ErrorKind::input, fmt::format("database URL '{}' names no file", url));
    return {DatabaseUrl::Scheme::sqlite, path};
  }
  if (url.starts_with("sqlite://")) {
    throw Error(ErrorKind::input, fmt::format("database URL '{}': write sqlite:///relative/path.db or "
                                              "sqlite:////absolute/path.db",
                                              url));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return {DatabaseUrl::Scheme::postgresql, url};
  }
  auto scheme = url.substr(0, url.find(':'));
  throw Error(ErrorKind::input, fmt::format("unknown database URL scheme '{}' in '{}' (expected sqlite:/// or "
                                            "postgresql://)",
                                            scheme, url));
}

Snapshot load_snapshot(const std::string& source, const std::string& default_path) {
  if (source.starts_with("git:")) {
    std::string spec = source.substr(4);
    auto colon = spec.find(':');
    std::string revision = spec.substr(0, colon);
    std::string path = colon == std::string::npos ? default_path : spec.substr(colon + 1);
    if (revision.empty() || path.empty()) {
      throw Error(ErrorKind::input, fmt::format("'{}': write git:<revision>[:<path>]", source));
    }
    // git show wants a path from the top of the repository; ./ makes it relative to here.
    std::string relative = fs::path(path).is_absolute() ? fs::relative(path).string() : path;
    std::string text = output_of({"git", "show", fmt::format("{}:./{}", revision, relative)}, fmt::format("git show {}", source));
    return from_text(text, path);
  }
  if (looks_like_url(source)) {
    DatabaseUrl url = parse_database_url(source);
    if (url.scheme != DatabaseUrl::Scheme::sqlite) {
      throw Error(ErrorKind::input, fmt::format("'{}': this build of DbMigrate speaks SQLite only", source));
    }
    if (url.target != ":memory:" && !fs::exists(url.target)) {
      throw Error(ErrorKind::input, fmt::format("database '{}' does not exist", url.target));
    }
    sqlite::Connection db = sqlite::open_for_reading(url.target);
    return inspect_sqlite(db.handle());
  }
  if (source.ends_with(".json") || source.ends_with(".sql")) return from_text(read_file(source), source);
  std::error_code error;
  auto status = fs::status(source, error);
  if (!error && fs::is_regular_file(status) && (status.permissions() & fs::perms::owner_exec) != fs::perms::none) {
    return read_snapshot_json(output_of({fs::absolute(source).string()}, fmt::format("snapshot tool '{}'", source)),
                              source);
  }
  if (!fs::exists(source)) throw Error(ErrorKind::input, fmt::format("model source '{}' does not exist", source));
  throw Error(ErrorKind::input, fmt::format("model source '{}' is not a .json snapshot, a .sql schema, an "
                                            "executable snapshot tool or a database URL",
                                            source));
}

}  // namespace dbmigrate::cli
