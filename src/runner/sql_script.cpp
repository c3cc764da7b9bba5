// The --sql mode: what the runner would execute, as one script for the sqlite3 shell. Each
// revision keeps its own transaction (a section with `Transaction: none` runs before it, each
// statement on its own, and the transaction holds only its version rows), and a section that
// switches foreign keys off gets the pragma before BEGIN and a foreign key check before COMMIT, as
// a run does.
//
// The script starts with the shell's `.bail on`: without it the shell reports a failing
// statement and goes on, and the COMMIT after it would record a revision that failed halfway.
// With it the shell stops, and closing the connection rolls the open transaction back.
// Nothing in a revision reaches the shell as one of its own commands (runner/shell_input.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/runner.hpp"
#include "diff/printable_line.hpp"
#include "revision/line_ends.hpp"
#include "revision/section_text.hpp"
#include "runner/dialect_check.hpp"
#include "runner/direction.hpp"
#include "runner/shell_input.hpp"
#include "runner/version_store.hpp"

namespace dbmigrate {
namespace {

using runner::Direction;

// A section may end without `;` or with a comment; the statements that follow must not be
// glued to its last statement.
std::string terminated(std::string_view sql) {
  auto end = sql.find_last_not_of(" \t\r\n");
  if (end == std::string_view::npos) return {};
  std::string text(sql.substr(0, end + 1));
  if (text.back() != ';') text += "\n;";
  return text + "\n";
}

// A script must run in the shell as the revision runs in the runner: a line the shell would
// read otherwise (as one of its commands, or as the end of a statement) is refused.
void refuse_shell_misreading(const Revision& revision, Direction direction) {
  const auto& sql = runner::section_of(revision, direction);
  const auto misreading = runner::shell_misreading(sql);
  if (!misreading) return;
  const int first_line = runner::first_line_of_section(revision, direction);
  const auto end = std::min(sql.find('\n', misreading->offset), sql.size());
  throw Error(
      ErrorKind::input,
      fmt::format("{}:{}: '{}': {}, which SQLite reads otherwise; change that line of the {} "
                  "section of revision {} (no script was printed)",
                  revision.path.empty() ? "revision " + revision.id : revision.path.string(),
                  section_text::line_of(sql, misreading->offset, first_line == 0 ? 1 : first_line),
                  printable_line(sql.substr(misreading->offset, end - misreading->offset)),
                  misreading->why, direction_name(direction), revision.id));
}

// Lists the violations (the shell prints the rows), then fails when there is one. RAISE()
// works only inside a trigger; a CHECK constraint on a temp table fails in any statement, and
// its name is the message the shell prints.
constexpr std::string_view foreign_key_check_sql =
    "PRAGMA foreign_key_check;\n"
    "CREATE TEMP TABLE dbmigrate_foreign_key_check (violations INTEGER\n"
    "  CONSTRAINT \"foreign key check failed: see PRAGMA foreign_key_check\" "
    "CHECK (violations = 0));\n"
    "INSERT INTO temp.dbmigrate_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;\n"
    "DROP TABLE temp.dbmigrate_foreign_key_check;\n";

std::string render(const RevisionGraph& graph, std::vector<std::string> heads,
                   const std::vector<std::string>& plan, Direction direction) {
  runner::refuse_other_dialect(graph, "sqlite", "the --sql script, for the sqlite3 shell");
  // The script is for the sqlite3 shell: SQLite quotes its names and values.
  const auto tables = runner::version_tables(dialect_named("sqlite"));
  std::string script =
      "-- A script for the sqlite3 shell: sqlite3 app.db < script.sql\n"
      "-- .bail on stops it at the first error, before that revision's COMMIT.\n"
      ".bail on\n" +
      runner::create_tables_sql(tables) + "\n";
  for (const auto& id : plan) {
    const Revision& revision = graph.at(id);
    refuse_shell_misreading(revision, direction);
    const auto& sql = runner::section_of(revision, direction);
    const auto needs = section_needs(revision, direction_name(direction));
    const bool foreign_keys_off = needs.foreign_keys_off;
    heads = direction == Direction::upgrade ? heads_after_upgrade(graph, heads, id)
                                            : heads_after_downgrade(graph, heads, id);
    script += fmt::format("\n-- {}\n", running_message(revision, direction_name(direction)));
    if (foreign_keys_off) script += "PRAGMA foreign_keys = OFF;\n";
    // The shell drops a CR before LF; a literal that holds one keeps it.
    if (needs.no_transaction) {  // each statement on its own, then the version rows
      script += "-- Outside a transaction (its Transaction: none header):\n";
      script += with_line_end_crs_kept(terminated(sql));
      script += "BEGIN IMMEDIATE;\n";
    } else {
      script += "BEGIN IMMEDIATE;\n";
      script += with_line_end_crs_kept(terminated(sql));
    }
    if (foreign_keys_off) script += foreign_key_check_sql;
    script += runner::write_heads_sql(tables, heads) + "\n";
    script += runner::add_history_sql(tables, id, runner::revision_checksum(revision),
                                      direction_name(direction),
                                      "strftime('%Y-%m-%d %H:%M:%S+00:00', 'now')", 0) +
              "\n";
    script += "COMMIT;\n";
    if (foreign_keys_off) script += "PRAGMA foreign_keys = ON;\n";
  }
  return script;
}

}  // namespace

std::string render_upgrade_sql(const RevisionGraph& graph,
                               const std::vector<std::string>& current_heads,
                               std::string_view target) {
  return render(graph, current_heads, upgrade_plan(graph, current_heads, target),
                Direction::upgrade);
}

std::string render_downgrade_sql(const RevisionGraph& graph,
                                 const std::vector<std::string>& current_heads,
                                 std::string_view target) {
  return render(graph, current_heads, downgrade_plan(graph, current_heads, target),
                Direction::downgrade);
}

}  // namespace dbmigrate
