// Reading a snapshot from each kind of source.
#include "cli/sources.hpp"

#include <fmt/format.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "dbmigrate/error.hpp"
#include "dbmigrate/revision.hpp"
#include "dbmigrate/snapshot_json.hpp"
#include "dbmigrate/sqlite.hpp"

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

// A git revision as a user names one (HEAD~1, main, v1.2, a commit id, @{u}): never an option
// (git:--output=file would make git write a file), nor blanks or control characters.
void check_git_revision(const std::string& revision, const std::string& source) {
  const bool option = revision.starts_with('-');
  const bool odd = std::any_of(revision.begin(), revision.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f || c == ' ' || c == '\\';
  });
  if (option || odd) {
    throw Error(ErrorKind::input,
                fmt::format("'{}': '{}' is not a git revision{}; write git:<revision>[:<path>] "
                            "with a branch, tag, commit or HEAD~N",
                            source, revision, option ? " (it starts with '-')" : ""));
  }
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

namespace {

// SQLite's own URI parameters (https://sqlite.org/uri.html); anything else is a typo that SQLite
// would pass to the VFS unread.
bool is_sqlite_parameter(std::string_view key) {
  for (std::string_view known : {"vfs", "mode", "cache", "psow", "nolock", "immutable"}) {
    if (key == known) return true;
  }
  return false;
}

// `path?query` as an SQLite URI; %, ? and # in the path are escaped so that they stay in it.
std::string sqlite_uri(std::string_view path, std::string_view query) {
  std::string uri = path.starts_with('/') ? "file://" : "file:";
  for (const char c : path) {
    if (c == '%') uri += "%25";
    else if (c == '?') uri += "%3f";
    else if (c == '#') uri += "%23";
    else uri += c;
  }
  return fmt::format("{}?{}", uri, query);
}

DatabaseUrl parse_sqlite_url(const std::string& url) {
  std::string_view rest = std::string_view(url).substr(std::string_view("sqlite:///").size());
  // sqlite:///file:app.db?mode=ro: an SQLite URI already, which SQLite parses itself.
  if (rest.starts_with("file:")) return {DatabaseUrl::Scheme::sqlite, std::string(rest)};
  rest = rest.substr(0, rest.find('#'));  // a fragment means nothing to a database
  const auto question = rest.find('?');
  const std::string_view path = rest.substr(0, question);
  const std::string_view query =
      question == std::string_view::npos ? std::string_view() : rest.substr(question + 1);
  if (path.empty()) throw Error(ErrorKind::input, fmt::format("database URL '{}' names no file", masked_url(url)));
  if (query.empty()) return {DatabaseUrl::Scheme::sqlite, std::string(path)};
  std::string_view parameters = query;
  while (!parameters.empty()) {
    const auto amp = parameters.find('&');
    const auto parameter = parameters.substr(0, amp);
    const auto key = parameter.substr(0, parameter.find('='));
    if (!parameter.empty() && !is_sqlite_parameter(key)) {
      throw Error(ErrorKind::input,
                  fmt::format("database URL '{}': '{}' is not an SQLite URI parameter (vfs, mode, "
                              "cache, psow, nolock, immutable)",
                              masked_url(url), key));
    }
    parameters = amp == std::string_view::npos ? std::string_view() : parameters.substr(amp + 1);
  }
  return {DatabaseUrl::Scheme::sqlite, sqlite_uri(path, query)};
}

}  // namespace

std::string masked_url(std::string_view url) {
  std::string out(url);
  const auto scheme_end = out.find("://");
  if (scheme_end == std::string::npos) return out;
  const auto authority = scheme_end + 3;
  const auto authority_end = std::min(out.find_first_of("/?#", authority), out.size());
  const auto at = out.rfind('@', authority_end);
  if (at != std::string::npos && at >= authority) {
    if (const auto colon = out.find(':', authority); colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  // libpq also takes the password as a query parameter.
  for (auto key = out.find("password=", authority); key != std::string::npos;
       key = out.find("password=", key + 1)) {
    if (key > 0 && out[key - 1] != '?' && out[key - 1] != '&') continue;
    const auto value = key + std::string_view("password=").size();
    const auto value_end = std::min(out.find_first_of("&#", value), out.size());
    out.replace(value, value_end - value, "***");
  }
  return out;
}

DatabaseUrl parse_database_url(const std::string& url) {
  if (url.starts_with("sqlite:///")) return parse_sqlite_url(url);
  if (url.starts_with("sqlite://")) {
    throw Error(ErrorKind::input, fmt::format("database URL '{}': write sqlite:///relative/path.db or "
                                              "sqlite:////absolute/path.db",
                                              masked_url(url)));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return {DatabaseUrl::Scheme::postgresql, url};
  }
  auto scheme = url.substr(0, url.find(':'));
  throw Error(ErrorKind::input, fmt::format("unknown database URL scheme '{}' in '{}' (expected sqlite:/// or "
                                            "postgresql://)",
                                            scheme, masked_url(url)));
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
    check_git_revision(revision, source);
    // git show wants a path from the top of the repository; ./ makes it relative to here.
    std::string relative = fs::path(path).is_absolute() ? fs::relative(path).string() : path;
    // --end-of-options: whatever the argument holds, git reads it as a revision, never an option.
    std::string text = output_of({"git", "show", "--end-of-options", fmt::format("{}:./{}", revision, relative)},
                                 fmt::format("git show {}", source));
    return from_text(text, path);
  }
  if (looks_like_url(source)) {
    DatabaseUrl url = parse_database_url(source);
    if (url.scheme != DatabaseUrl::Scheme::sqlite) {
      throw Error(ErrorKind::input,
                  fmt::format("'{}': this build of DbMigrate speaks SQLite only", masked_url(source)));
    }
    if (url.target != ":memory:" && !url.target.starts_with("file:") && !fs::exists(url.target)) {
      throw Error(ErrorKind::input, fmt::format("database '{}' does not exist", url.target));
    }
    return inspect_sqlite(url.target);
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
