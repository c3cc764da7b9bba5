// snapshot_from_sql(): a .sql schema file as a snapshot source (docs/cli.md).
//
// The file runs in an in-memory database, which is then inspected, so the snapshot is exactly
// what SQLite made of the file. Rename hints are comments, which SQLite throws away; they are
// found with the tokenizer and tied to the CREATE TABLE or column definition on their line.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <optional>

#include "dbmigrate/error.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"
#include "dialect/sqlite/create_statement.hpp"
#include "dialect/sqlite/inspect.hpp"
#include "dialect/sqlite/schema_file_guard.hpp"
#include "dialect/sqlite/sql_tokens.hpp"
#include "snapshot/snapshot_checks.hpp"

namespace dbmigrate {
namespace {

// 1-based line numbers of byte offsets.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') newlines_.push_back(i);
    }
  }
  [[nodiscard]] std::size_t line(std::size_t offset) const {
    return static_cast<std::size_t>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) -
                                    newlines_.begin()) +
           1;
  }

 private:
  std::vector<std::size_t> newlines_;
};

struct StatementRange {
  std::size_t begin;
  std::size_t end;
};

// Runs the file statement by statement, so that an error can name its line.
std::vector<StatementRange> execute_file(const sqlite::Connection& connection,
                                         sqlite::SchemaFileGuard& guard, std::string_view sql,
                                         const std::string& origin, const LineIndex& lines) {
  std::vector<StatementRange> statements;
  sqlite::StatementBudget budget(connection.handle());
  sqlite::Script script(connection, sql, &sqlite::skip_blank);
  script.before_prepare([&](std::size_t offset) { guard.statement_at(offset); });
  auto fail = [&](std::string_view what, const DatabaseError& error) -> Error {
    const std::size_t offset = script.offset();
    if (!guard.refused().empty()) {
      return Error(ErrorKind::input, fmt::format("{}:{}: {}; fix the schema file", origin,
                                                 lines.line(offset), guard.refused()));
    }
    std::size_t at = offset;
#if SQLITE_VERSION_NUMBER >= 3038000
    // Where in the statement SQLite stopped, when it says (a syntax error, a missing name).
    if (const int error_offset = sqlite3_error_offset(connection.handle()); error_offset >= 0) {
      at += static_cast<std::size_t>(error_offset);
    }
#endif
    return Error(ErrorKind::input,
                 fmt::format("{}:{}: {}: {} (statement starting on line {}); fix the schema file",
                             origin, lines.line(at), what, error.reason(), lines.line(offset)));
  };
  while (true) {
    std::optional<sqlite::Statement> statement;
    try {
      statement = script.next();
    } catch (const DatabaseError& error) {
      throw fail("invalid statement", error);
    }
    if (!statement) break;
    budget.start();
    try {
      while (statement->step()) {
      }
    } catch (const DatabaseError& error) {
      if ((error.code() & 0xff) == SQLITE_INTERRUPT &&
          budget.spent() != sqlite::StatementBudget::Spent::nothing) {
        const std::string spent =
            budget.spent() == sqlite::StatementBudget::Spent::time
                ? fmt::format("runs too long for a schema file (stopped after {} seconds)",
                              sqlite::statement_budget.count())
                : fmt::format("holds too much memory for a schema file (stopped at {} MB)",
                              sqlite::memory_budget >> 20);
        throw Error(ErrorKind::input,
                    fmt::format("{}:{}: statement {}; a schema file should only create tables, "
                                "indexes, views and triggers",
                                origin, lines.line(script.offset()), spent));
      }
      throw fail("statement failed", error);
    }
    statements.push_back({script.offset(), script.offset() + script.text().size()});
  }
  return statements;
}

struct RenameHint {
  std::size_t line;
  std::string from;
};

// `-- @renamed from=<name>` or `-- @renamed from="quoted ""name"""`; nullopt for other comments.
std::optional<RenameHint> read_hint(const sqlite::Token& comment, const std::string& origin,
                                    const LineIndex& lines) {
  std::string_view text = comment.text;
  if (!text.starts_with("--")) return std::nullopt;
  text.remove_prefix(2);
  auto trim_front = [](std::string_view s) {
    return s.substr(std::min(s.find_first_not_of(" \t\r"), s.size()));
  };
  text = trim_front(text);
  if (!text.starts_with("@renamed")) return std::nullopt;
  const std::size_t line = lines.line(comment.offset);
  auto malformed = [&](std::string_view why) {
    return Error(ErrorKind::input,
                 fmt::format("{}:{}: {} in rename hint '{}'; write -- @renamed from=<old name> "
                             "(double-quote the name when it needs quoting)",
                             origin, line, why, comment.text));
  };
  text = trim_front(text.substr(8));
  if (!text.starts_with("from=")) throw malformed("missing 'from='");
  text.remove_prefix(5);
  RenameHint hint{.line = line};
  if (text.starts_with('"')) {
    const auto tokens = sqlite::tokenize_sql(text);
    const auto& quoted = tokens.front();
    hint.from = sqlite::identifier_value(quoted);
    // Terminated only if quoting the name again gives the token: "people"" is a doubled quote
    // running to the end of the line, not the name people".
    std::string requoted = "\"";
    for (const char c : hint.from) requoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    if (requoted + '"' != quoted.text) throw malformed("unterminated name");
    text.remove_prefix(quoted.text.size());
  } else {
    const auto end = std::min(text.find_first_of(" \t\r"), text.size());
    hint.from = std::string(text.substr(0, end));
    text.remove_prefix(end);
    if (hint.from.find_first_of("\"'`[](),;") != std::string::npos) {
      throw malformed("a quote or bracket in an unquoted name");
    }
  }
  if (hint.from.empty()) throw malformed("empty old name");
  if (!trim_front(text).empty()) throw malformed("unexpected text after the name");
  return hint;
}

// What a line defines: a table (its CREATE TABLE line) or a column of one.
struct HintTarget {
  std::string table;
  std::optional<std::string> column;
  bool ambiguous = false;
};

std::map<std::size_t, HintTarget> hint_targets(std::string_view sql,
                                               const std::vector<StatementRange>& statements,
                                               const LineIndex& lines) {
  std::map<std::size_t, HintTarget> targets;
  for (const auto& range : statements) {
    const auto text = sql.substr(range.begin, range.end - range.begin);
    if (!sqlite::is_create_table(text)) continue;
    const auto table = sqlite::parse_create_table(text);
    // The CREATE TABLE line is the table's, even when a column starts on it too (docs/cli.md).
    const std::size_t create_line = lines.line(range.begin + table.create_offset);
    auto [at, fresh] = targets.try_emplace(create_line, HintTarget{.table = table.name});
    if (!fresh) at->second.ambiguous = true;
    for (const auto& column : table.columns) {
      const std::size_t line = lines.line(range.begin + column.offset);
      if (line == create_line) continue;
      auto [it, inserted] = targets.try_emplace(line, HintTarget{table.name, column.name});
      if (!inserted) it->second.ambiguous = true;
    }
  }
  return targets;
}

void attach_rename_hints(Snapshot& snapshot, std::string_view sql,
                         const std::vector<StatementRange>& statements, const std::string& origin,
                         const LineIndex& lines) {
  std::vector<RenameHint> hints;
  for (const auto& token : sqlite::tokenize_sql(sql)) {
    if (token.kind != sqlite::TokenKind::comment) continue;
    if (auto hint = read_hint(token, origin, lines)) hints.push_back(std::move(*hint));
  }
  if (hints.empty()) return;
  const auto targets = hint_targets(sql, statements, lines);
  for (const auto& hint : hints) {
    const auto found = targets.find(hint.line);
    auto fail = [&](std::string_view why) {
      return Error(ErrorKind::input, fmt::format("{}:{}: rename hint from={}: {}", origin,
                                                 hint.line, hint.from, why));
    };
    if (found == targets.end()) {
      throw fail("a hint belongs on the line of a column definition or of CREATE TABLE");
    }
    const HintTarget& target = found->second;
    if (target.ambiguous) {
      throw fail("several columns are defined on this line; put each on a line of its own");
    }
    Table* table = snapshot.find_table(target.table);
    if (table == nullptr) throw fail(fmt::format("table '{}' is not in the schema", target.table));
    std::optional<std::string>* renamed_from = &table->renamed_from;
    if (target.column) {
      Column* column = table->find_column(*target.column);
      if (column == nullptr) {
        throw fail(fmt::format("column '{}' is not in table '{}'", *target.column, table->name));
      }
      renamed_from = &column->renamed_from;
    }
    if (renamed_from->has_value()) throw fail("a second hint for the same name");
    *renamed_from = hint.from;
  }
}

// The inspector leaves out the tables SQLite and DbMigrate keep for themselves: a schema file
// that declares one would lose it without a word.
void refuse_kept_names(sqlite::Connection& connection, const SnapshotOrigin& where,
                       const SqlFragmentCheck& fragments) {
  auto tables = connection.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table'");
  while (tables.step()) {
    const std::string name = tables.text(0);
    if (same_identifier(std::string_view(name).substr(0, 7), "sqlite_")) continue;  // SQLite's
    if (auto problem = fragments.table_name(name); !problem.empty()) {
      std::string at = where.locate(SnapshotPart::table, name);
      if (at.empty()) at = where.file;
      throw Error(ErrorKind::input, fmt::format("{}: {}", at, problem));
    }
  }
}

}  // namespace

Snapshot snapshot_from_sql(std::string_view sql, std::string_view origin) {
  const std::string file = origin.empty() ? std::string("<sql>") : std::string(origin);
  const LineIndex lines(sql);
  sqlite::Connection connection(":memory:");
  sqlite::SchemaFileGuard guard(connection.handle());
  const auto statements = execute_file(connection, guard, sql, file, lines);
  const SnapshotOrigin where{
      .file = file, .locate = [&](SnapshotPart part, std::string_view name) -> std::string {
        const auto offset = guard.created(part, name);
        return offset ? fmt::format("{}:{}", file, lines.line(*offset)) : std::string();
      }};
  const SqliteFragmentCheck fragments;
  refuse_kept_names(connection, where, fragments);
  Snapshot snapshot = sqlite::inspect_schema(connection);
  attach_rename_hints(snapshot, sql, statements, file, lines);
  check_snapshot(snapshot, where, &fragments);  // the hints' names too
  return snapshot;
}

}  // namespace dbmigrate
