// Reading a snapshot from each kind of source.
#include "cli/sources.hpp"

#include <fmt/format.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/stale_tool.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/revision.hpp"
#include "dbmigrate/snapshot_json.hpp"

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

Snapshot from_text(const std::string& text, const std::string& name, const Dialect& dialect) {
  if (name.ends_with(".sql")) return dialect.read_schema_file(text, name);
  return read_snapshot_json(text, name, dialect);
}

}  // namespace

Snapshot read_snapshot_json(std::string_view text, const std::string& origin,
                            const Dialect& dialect) {
  // Written by another version, or by hand: its SQL text is put in the canonical text of today.
  Snapshot snapshot = snapshot_from_json(text, origin, &dialect.fragment_check());
  canonicalize_sql_text(snapshot, dialect);
  return snapshot;
}

bool looks_like_url(const std::string& source) { return source.find("://") != std::string::npos; }

const Dialect& dialect_of_sources(const std::vector<std::string>& sources) {
  for (const auto& source : sources) {
    if (looks_like_url(source) && !source.starts_with("git:")) return dialect_for_url(source);
  }
  return default_dialect();
}

DatabaseUrl parse_database_url(const std::string& url) {
  const Dialect& dialect = dialect_for_url(url);
  return {.dialect = &dialect, .target = dialect.database_location(url)};
}

Snapshot load_snapshot(const std::string& source, const Dialect& dialect,
                       const std::string& default_path) {
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
    return from_text(text, path, dialect);
  }
  if (looks_like_url(source)) {
    const DatabaseUrl url = parse_database_url(source);
    if (!url.dialect->database_exists(url.target)) {
      throw Error(ErrorKind::input, fmt::format("database '{}' does not exist", url.target));
    }
    return url.dialect->inspect(url.target);
  }
  if (source.ends_with(".json") || source.ends_with(".sql")) return from_text(read_file(source), source, dialect);
  std::error_code error;
  auto status = fs::status(source, error);
  if (!error && fs::is_regular_file(status) && (status.permissions() & fs::perms::owner_exec) != fs::perms::none) {
    refuse_stale_tool(source);
    return read_snapshot_json(output_of({fs::absolute(source).string()}, fmt::format("snapshot tool '{}'", source)),
                              source, dialect);
  }
  if (!fs::exists(source)) throw Error(ErrorKind::input, fmt::format("model source '{}' does not exist", source));
  throw Error(ErrorKind::input, fmt::format("model source '{}' is not a .json snapshot, a .sql schema, an "
                                            "executable snapshot tool or a database URL",
                                            source));
}

}  // namespace dbmigrate::cli
