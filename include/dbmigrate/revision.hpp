// The revision stage: revision files, the graph they form, and what `upgrade`/`downgrade`
// targets mean on that graph (docs/cli.md). Pure: files in, values out, no database.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {

// ---------------------------------------------------------------------------------------------
// Revision files

// A further `-- Key: value` header line, after the four fixed keys: what the tool needs to know
// about a revision is written there, never inferred from its SQL or comments (docs/cli.md).
// A key is a letter then letters, digits, spaces, '-' or '_'; keys the tool does not know are
// kept and ignored, so that a file written by a later version still runs.
struct HeaderField {
  std::string key;
  std::string value;

  friend bool operator==(const HeaderField&, const HeaderField&) = default;
};

// One file under migrations/versions/, as parsed or about to be written.
struct Revision {
  std::string id;
  std::vector<std::string> parents;  // `-- Revises:`: none for a base, several for a merge
  std::string create_date;
  std::string message;
  std::vector<HeaderField> headers;  // further header lines, in file order
  std::string upgrade_sql;     // verbatim, without leading/trailing blank lines or final newline
  std::string downgrade_sql;   // likewise
  std::filesystem::path path;  // empty when the revision was not read from a file
  // File lines (1-based) on which each section's SQL starts, so that a failing statement can be
  // reported by its line in the file. 0 when the revision was not parsed from a file.
  std::string checksum;  // revision_file_checksum() of the file as read (load_revisions), or empty
  int upgrade_first_line = 0;
  int downgrade_first_line = 0;

  friend bool operator==(const Revision&, const Revision&) = default;
};

// The file's text in the fixed layout of docs/cli.md (header, blank line, the two sections).
[[nodiscard]] std::string format_revision(const Revision& revision);

// `-- Upgrade Rebuilds:` / `-- Downgrade Rebuilds:` (`section` is "upgrade" or "downgrade"):
// one header per table the section rebuilds, with the shape the revision expects it to have
// before the section runs, as one line of JSON (every name JSON-escaped, ASCII only):
//   -- Upgrade Rebuilds: {"table": "users", "columns": ["id", "name"], "indexes": [], ...}
[[nodiscard]] HeaderField rebuild_header(std::string_view section, const TableShape& shape);
// The shapes those headers hold, in file order; none for a revision without them (written by
// hand, or before the headers existed). Throws Error(input) naming the revision for a value
// that is not such a shape (parse_revision already refuses those, with the line).
[[nodiscard]] std::vector<TableShape> rebuilt_tables(const Revision& revision,
                                                     std::string_view section);

// What one section of a revision asks of the runner beyond running its statements.
struct SectionNeeds {
  // Foreign-key enforcement off around its transaction (a table rebuild: ON DELETE CASCADE must
  // not fire), and every foreign key checked before commit.
  bool foreign_keys_off = false;
  // It can lose data (a dropped table or column, ...): the database is backed up before it runs.
  bool destructive = false;
  // Its statements run outside a transaction, one by one, each committed as it ends (for
  // statements a database refuses inside one, such as PostgreSQL's CREATE INDEX CONCURRENTLY);
  // the version row is then written in a short transaction of its own. A failure leaves the
  // statements before it applied.
  bool no_transaction = false;

  friend bool operator==(const SectionNeeds&, const SectionNeeds&) = default;
};

// `-- Dialect: sqlite`: the dialect the revision was generated for. A revision that carries it
// says its needs in the headers below, and only there.
[[nodiscard]] HeaderField dialect_header(std::string_view dialect);
// The dialect a revision names; empty when it names none (written by hand, or before the header
// existed).
[[nodiscard]] std::string revision_dialect(const Revision& revision);
// `-- Upgrade Foreign Keys: off`, `-- Upgrade Destructive: yes` and `-- Upgrade Transaction:
// none` (`Downgrade ...` for the downgrade section; `section` is "upgrade" or "downgrade"): one
// header per need, none for a section that needs nothing.
[[nodiscard]] std::vector<HeaderField> needs_headers(std::string_view section,
                                                     const SectionNeeds& needs);
// What those headers say of the section; nullopt for a revision without `-- Dialect:`.
[[nodiscard]] std::optional<SectionNeeds> written_needs(const Revision& revision,
                                                        std::string_view section);
// What the section needs: what its headers say, for a revision with `-- Dialect:`; for one
// without (written by hand, or before the headers existed), what its text says as earlier
// versions read it (a `PRAGMA foreign_keys = OFF` line, a `-- WARNING:` comment). Either way a
// `PRAGMA foreign_keys = OFF` statement written in the section by hand is honoured, and so is a
// `Transaction: none` header (it is written by hand: nothing in a section's text implies it).
[[nodiscard]] SectionNeeds section_needs(const Revision& revision, std::string_view section);

// SHA-256 of `data` as 64 lower-case hex digits.
[[nodiscard]] std::string sha256_hex(std::string_view data);

// The checksum recorded for a revision file: sha256_hex() of its text without a leading UTF-8
// byte order mark and with CRLF line ends as LF, so that a checkout's line endings (git's
// autocrlf) do not change it. Histories written before kept sha256_hex() of the raw bytes.
[[nodiscard]] std::string revision_file_checksum(std::string_view file_text);

// `<id>_<slug>.sql`: slug = message lower-cased, other characters collapsed to `_`, trimmed,
// at most 40 characters; `<id>.sql` when nothing of the message is left.
[[nodiscard]] std::string revision_filename(std::string_view id, std::string_view message);

// 12 random lower-case hex digits.
[[nodiscard]] std::string new_revision_id();

// The current time as the `-- Create Date:` header spells it: `2026-11-24 10:00:00+00:00`.
[[nodiscard]] std::string utc_now_string();

// Throws Error(input) as `<path>:<line>: <what is wrong>; <what to do>`.
[[nodiscard]] Revision parse_revision(std::string_view text, std::filesystem::path path);

// Every `*.sql` file of the folder, in file-name order; other files are ignored.
// Throws Error(input) for an unreadable folder or file, RevisionGraphError for duplicate ids.
[[nodiscard]] std::vector<Revision> load_revisions(const std::filesystem::path& versions_dir);

// Writes through a temporary file in the same folder, fsync and rename, so that the target
// holds either its old content or the new one, never a part. Throws Error(input).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// The whole content of a file. Throws Error(input) naming the file and the reason.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

// ---------------------------------------------------------------------------------------------
// The revision graph

enum class GraphErrorReason {
  multiple_heads,
  cycle,
  missing_parent,
  duplicate_id,
  ambiguous_prefix,
  unknown_revision,
};

// Bad input in the graph or in a revision named on the command line (exit code 2).
// `ids()`: multiple_heads the heads; cycle the ids around it; missing_parent the revision and
// the id it revises; duplicate_id the id; ambiguous_prefix the candidates; unknown_revision the
// name given.
class RevisionGraphError : public Error {
 public:
  RevisionGraphError(GraphErrorReason reason, std::vector<std::string> ids,
                     const std::string& message)
      : Error(ErrorKind::input, message), reason_(reason), ids_(std::move(ids)) {}
  [[nodiscard]] GraphErrorReason reason() const noexcept { return reason_; }
  [[nodiscard]] const std::vector<std::string>& ids() const noexcept { return ids_; }

 private:
  GraphErrorReason reason_;
  std::vector<std::string> ids_;
};

// Revisions linked by their `Revises:` headers. Validated on construction (duplicate ids,
// missing parents, cycles); every algorithm is iterative, so depth is bounded by memory only.
class RevisionGraph {
 public:
  RevisionGraph() = default;
  explicit RevisionGraph(std::vector<Revision> revisions);

  [[nodiscard]] std::size_t size() const noexcept { return revisions_.size(); }
  [[nodiscard]] bool empty() const noexcept { return revisions_.empty(); }
  [[nodiscard]] bool contains(std::string_view id) const;

  // By exact id; throws RevisionGraphError(unknown_revision).
  [[nodiscard]] const Revision& at(std::string_view id) const;
  // By exact id or unique prefix, as the command line names revisions.
  [[nodiscard]] const Revision& find(std::string_view prefix) const;

  // Revisions in topological order, bases first: each after all of its parents. Deterministic:
  // a branch is listed whole before its sibling, siblings in id order.
  [[nodiscard]] const std::vector<Revision>& revisions() const noexcept { return revisions_; }
  [[nodiscard]] const std::vector<std::string>& ordered() const noexcept { return ordered_; }
  // Index of `id` in ordered(); throws like at().
  [[nodiscard]] std::size_t position(std::string_view id) const;
  // Positions in ordered() of the parents of the revision at `position`, in `Revises:` order:
  // what a walk down the graph follows without looking ids up.
  [[nodiscard]] const std::vector<std::size_t>& parent_positions(std::size_t position) const {
    return parent_positions_[position];
  }

  [[nodiscard]] const std::vector<std::string>& children(std::string_view id) const;  // sorted
  [[nodiscard]] const std::vector<std::string>& heads() const noexcept { return heads_; }
  [[nodiscard]] const std::vector<std::string>& bases() const noexcept { return bases_; }
  [[nodiscard]] std::vector<std::string> branch_points() const;  // several children, sorted
  [[nodiscard]] std::vector<std::string> merge_points() const;   // several parents, sorted

 private:
  std::vector<Revision> revisions_;  // in ordered() order
  std::vector<std::string> ordered_;
  std::vector<std::vector<std::string>> children_;          // by position
  std::vector<std::vector<std::size_t>> parent_positions_;  // by position
  std::vector<std::size_t> by_id_;                          // positions, sorted by id
  std::vector<std::string> heads_;
  std::vector<std::string> bases_;
};

// ---------------------------------------------------------------------------------------------
// Targets (docs/cli.md). `current_heads` is what the version table holds; ids must be exact.

// Revisions to apply, each after all of its parents. Targets: `head`, `heads`, a revision id or
// prefix, `+N`, `<rev>+N`. A target already applied gives an empty plan.
[[nodiscard]] std::vector<std::string> upgrade_plan(const RevisionGraph& graph,
                                                    const std::vector<std::string>& current_heads,
                                                    std::string_view target);

// Revisions to revert, each before its parents. Targets: `-N`, `base`, a revision id or prefix
// (revert what is applied above it, not it), `<rev>-N`.
[[nodiscard]] std::vector<std::string> downgrade_plan(const RevisionGraph& graph,
                                                      const std::vector<std::string>& current_heads,
                                                      std::string_view target);

// Names of revisions for `show`, `stamp` and `history -r` (docs/cli.md).

// The revisions `name` denotes, in ordered() order: `head` (the one head), `heads` (every head),
// `base` (the revisions that revise nothing), a revision id or unique prefix, or `<name>+N` /
// `<name>-N` counted along a single line from `head`, `base` or a revision (`base+1` is the first
// revision, `head-1` the head's parent). `verb` names the command in messages. Throws
// Error(usage) for a walk that leaves the graph or meets a branch or a merge, RevisionGraphError
// for an unknown or ambiguous revision.
[[nodiscard]] std::vector<std::string> named_revisions(const RevisionGraph& graph,
                                                       std::string_view name,
                                                       std::string_view verb);

// `START:END`, as `history -r` takes it: the revisions that are START or descend from it and are
// END or lead to it, in ordered() order. Either side may be empty (from the bases, up to every
// head), a name as above, or `current`: the heads of the database (`current_heads`; nullopt when
// no database was read, and then `current` is refused). START may be `-N`, N steps below END,
// and END `+N`, N steps above START. Throws Error(usage) for a range that is not one.
[[nodiscard]] std::vector<std::string> revision_range(
    const RevisionGraph& graph, std::string_view range,
    const std::optional<std::vector<std::string>>& current_heads);

// The version table after applying `id` (whose parents are applied): its parents leave the
// heads, it joins. Sorted.
[[nodiscard]] std::vector<std::string> heads_after_upgrade(const RevisionGraph& graph,
                                                           std::vector<std::string> heads,
                                                           std::string_view id);

// The version table after reverting the head `id`: it leaves, and each parent that no other
// applied revision revises joins. Sorted. Throws Error(usage) when `id` is not a head.
[[nodiscard]] std::vector<std::string> heads_after_downgrade(const RevisionGraph& graph,
                                                             std::vector<std::string> heads,
                                                             std::string_view id);

}  // namespace dbmigrate
