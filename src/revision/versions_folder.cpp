// Loading the versions folder. Every command starts here: the folder is listed, the revision
// files are read in name order, and the first bad file's error is the one reported.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <system_error>
#include <vector>

#include "dbmigrate/revision.hpp"
#include "revision/duplicate_ids.hpp"
#include "revision/file_text.hpp"

namespace dbmigrate {
namespace {

namespace fs = std::filesystem;

// Editors leave backups and lock files beside the revisions: only `*.sql` files count, and no
// hidden ones (Emacs's lock `.#x.sql` is a dangling link, macOS's `._x.sql` is metadata).
bool named_like_a_revision(const std::string& name) {
  return name.size() > 4 && name.ends_with(".sql") && !name.starts_with('.');
}

// Any `*.sql` entry that is not a file (symbolic links followed) would make a revision vanish
// from the graph without a word: it is an error.
void require_regular(const fs::directory_entry& entry) {
  std::error_code error;
  const fs::file_status status = entry.status(error);
  if (fs::is_regular_file(status)) return;
  const char* what = nullptr;
  if (error) {
    std::error_code link_error;
    const bool dangling = status.type() == fs::file_type::not_found &&
                          fs::is_symlink(entry.symlink_status(link_error)) && !link_error;
    if (!dangling) fail_to_read(entry.path(), error);
    what = "a dangling symbolic link (its target is missing)";
  } else {
    what = fs::is_directory(status) ? "a folder"
           : fs::is_fifo(status)    ? "a FIFO"
                                    : "a special file (a socket or a device)";
  }
  throw Error(ErrorKind::input,
              fmt::format("{}: is {}, not a revision file; every '*.sql' entry of the versions "
                          "folder must be a revision file: restore it, or remove or rename it",
                          entry.path().string(), what));
}

[[noreturn]] void fail_to_list(const fs::path& folder, const std::error_code& error, bool opening) {
  throw Error(
      ErrorKind::input,
      fmt::format("{}: cannot list the versions folder: {}{}", folder.string(), error.message(),
                  opening ? "; run 'dbmigrate init' (target db_init) to create it or pass the migrations "
                            "folder with --dir"
                          : ""));
}

// The revision files of the folder, sorted by name.
std::vector<fs::path> revision_paths(const fs::path& folder) {
  std::error_code error;
  fs::directory_iterator entries(folder, error);
  if (error) fail_to_list(folder, error, true);
  std::vector<fs::path> paths;
  while (entries != fs::directory_iterator()) {
    if (named_like_a_revision(entries->path().filename().string())) {
      require_regular(*entries);
      paths.push_back(entries->path());
    }
    entries.increment(error);
    if (error) fail_to_list(folder, error, false);
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

std::vector<Revision> load_revisions(const fs::path& versions_dir) {
  std::vector<Revision> revisions;
  for (const auto& path : revision_paths(versions_dir)) {
    const std::string text = read_file(path);
    Revision revision = parse_revision(text, path);
    revision.checksum = revision_file_checksum(text);  // read once: the runner compares it
    revisions.push_back(std::move(revision));
  }
  reject_duplicate_ids(revisions);
  return revisions;
}

}  // namespace dbmigrate
