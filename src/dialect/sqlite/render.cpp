// SQLite renderer: native ALTER TABLE where SQLite allows it, otherwise the table rebuild
// of https://sqlite.org/lang_altertable.html#otheralter (create the new table, copy the
// rows, drop the old one, rename, recreate its indexes). The renderer follows the schema
// as the operations change it, so that each step knows the table it works on.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/statement_text.hpp"
#include "dialect/sqlite/sql_tokens.hpp"
#include "dialect/sqlite/table_sql.hpp"
#include "diff/dependencies.hpp"
#include "diff/overloaded.hpp"

namespace dbmigrate {
namespace {

// Operations that change one table's definition (and can be folded into one rebuild).
bool table_local(const Operation& operation) {
  return !std::holds_alternative<op::CreateTable>(operation.kind) &&
         !std::holds_alternative<op::DropTable>(operation.kind) &&
         !std::holds_alternative<op::RenameTable>(operation.kind) && !operation.table().empty();
}

bool default_allows_add_column(const std::optional<std::string>& value) {
  if (!value) return true;
  std::string upper = *value;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  // SQLite refuses ADD COLUMN with a non-constant default.
  return !upper.starts_with("(") && upper != "CURRENT_TIME" && upper != "CURRENT_DATE" &&
         upper != "CURRENT_TIMESTAMP";
}

// Which part of a column's definition changes, for the comment of the rebuild it needs: SQLite
// has no ALTER COLUMN at all.
std::string column_change_reason(const op::AlterColumn& o) {
  const Column& a = o.from;
  const Column& b = o.to;
  if (a.type != b.type) return "a changed column type";
  if (a.sqlite.declared_type != b.sqlite.declared_type) return "a changed declared type";
  if (a.nullable != b.nullable) return b.nullable ? "a dropped NOT NULL" : "a new NOT NULL";
  if (a.default_sql != b.default_sql) return "a changed column default";
  if (a.collation != b.collation) return "a changed column collation";
  if (a.generated != b.generated) return "a changed generated column";
  if (a.autoincrement != b.autoincrement) return "a changed AUTOINCREMENT";
  return "a changed NOT NULL ON CONFLICT";
}

// Why SQLite cannot run `operation` in place on `table`; empty when it can.
std::string needs_rebuild(const Table& table, const Operation& operation) {
  return std::visit(
      overloaded{
          [](const op::AddColumn& o) -> std::string {
            if (o.column.generated) {
              return o.column.generated->stored ? "a new STORED generated column" : std::string();
            }
            if (!default_allows_add_column(o.column.default_sql))
              return "a new column with a non-constant default";
            if (!o.column.nullable && (!o.column.default_sql || *o.column.default_sql == "NULL")) {
              return "a new NOT NULL column without a default";
            }
            return {};
          },
          [&](const op::DropColumn& o) -> std::string {
            const std::string& c = o.column.name;
            auto in = [&](const std::vector<std::string>& names) {
              return std::find(names.begin(), names.end(), c) != names.end();
            };
            if (in(table.primary_key)) return "a dropped primary-key column";
            for (const auto& index : table.indexes) {
              for (const auto& key : index.keys) {
                if (key.expression ? mentions(key.name, c) : key.name == c)
                  return "a dropped indexed column";
              }
              if (index.where && mentions(*index.where, c))
                return "a dropped column used by a partial index";
            }
            for (const auto& unique : table.uniques) {
              if (in(unique.columns)) return "a dropped column of a unique constraint";
            }
            for (const auto& fk : table.foreign_keys) {
              if (in(fk.columns)) return "a dropped foreign-key column";
            }
            for (const auto& check : table.checks) {
              if (mentions(check.expression, c)) return "a dropped column used by a CHECK";
            }
            for (const auto& other : table.columns) {
              if (other.generated && other.name != c && mentions(other.generated->expression, c))
                return "a dropped column used by a generated column";
            }
            if (table.columns.size() <= 1) return "a dropped last column";
            return {};
          },
          [](const op::RenameColumn&) -> std::string { return {}; },
          [](const op::CreateIndex&) -> std::string { return {}; },
          [](const op::DropIndex&) -> std::string { return {}; },
          [&](const op::AlterColumn& o) -> std::string {
            // A type spelt another way that means the same waits for the next rebuild.
            if (same_column_meaning(table, o.from, table, o.to)) return {};
            return column_change_reason(o);
          },
          [](const op::AlterPrimaryKey&) -> std::string { return "a primary key change"; },
          [](const op::AlterTableOptions& o) -> std::string {
            return o.from.without_rowid != o.to.without_rowid ? "a WITHOUT ROWID change"
                                                              : "a STRICT change";
          },
          [](const op::AddUnique&) -> std::string { return "a new unique constraint"; },
          [](const op::DropUnique&) -> std::string { return "a dropped unique constraint"; },
          [](const op::AddForeignKey&) -> std::string { return "a new foreign key"; },
          [](const op::DropForeignKey&) -> std::string { return "a dropped foreign key"; },
          [](const op::AddCheck&) -> std::string { return "a new CHECK"; },
          [](const op::DropCheck&) -> std::string { return "a dropped CHECK"; },
          [](const auto&) -> std::string { return {}; },
      },
      operation.kind);
}

// Marks a statement that can lose data (SqlScript::destructive).
constexpr std::string_view warning_prefix = "WARNING: ";

std::vector<std::string> warnings_for(const Dialect& dialect, const Operation& operation) {
  std::vector<std::string> comments;
  for (const auto& line : lint(dialect, operation))
    comments.push_back(fmt::format("{}: {}", lint_label(line.level), line.text));
  return comments;
}

class Renderer {
 public:
  Renderer(const SqliteDialect& dialect, const Snapshot& from)
      : d_(dialect), start_(from), state_(from) {
    for (const auto& table : from.tables) origin_.emplace(identifier_key(table.name), table.name);
  }

  SqlScript run(const Operations& operations) {
    for (std::size_t i = 0; i < operations.size();) {
      const Operation& operation = operations[i];
      if (table_local(operation)) {
        // The run of operations on this table: one rebuild does them all if any needs one.
        std::size_t end = i;
        while (end < operations.size() && table_local(operations[end]) &&
               operations[end].table() == operation.table()) {
          ++end;
        }
        const InlineReferences inline_references = references_added_inline(operations, i, end);
        if (std::string reason = rebuild_reason(operations, i, end, inline_references);
            !reason.empty()) {
          rebuild(operations, i, end, reason);
        } else {
          for (; i < end; ++i) {
            if (inline_references.folded.contains(i)) {
              apply_operations(state_, operations[i]);  // written with its column
              continue;
            }
            const auto with = inline_references.by_column.find(i);
            native(operations[i], with == inline_references.by_column.end() ? nullptr : with->second);
            apply_operations(state_, operations[i]);
          }
        }
        children_.reset();
        i = end;
        continue;
      }
      native(operation);
      follow_name(operation);
      apply_operations(state_, operation);
      if (!std::holds_alternative<op::DropTable>(operation.kind)) children_.reset();
      ++i;
    }
    return std::move(script_);
  }

 private:
  void emit(std::string sql, std::vector<std::string> comments = {}) {
    for (const auto& comment : comments) {
      if (comment.starts_with(warning_prefix)) script_.destructive = true;
    }
    script_.statements.push_back({std::move(sql), std::move(comments)});
  }
  std::string q(std::string_view name) const { return d_.quote_identifier(name); }

  // `references`: the foreign key an added column declares inline, if any.
  void native(const Operation& operation, const ForeignKey* references = nullptr) {
    std::visit(
        overloaded{
            [&](const op::CreateTable& o) {
              emit(sqlite::create_table_sql(d_, o.table, o.table.name));
              for (const auto& index : o.table.indexes)
                emit(sqlite::create_index_sql(d_, o.table.name, index));
            },
            [&](const op::DropTable& o) {
              // With children still pointing at it, a drop would fire their ON DELETE actions.
              if (has_children(o.table.name)) script_.needs_foreign_keys_off = true;
              emit(fmt::format("DROP TABLE {};", q(o.table.name)), warnings_for(d_, operation));
            },
            [&](const op::RenameTable& o) {
              emit(fmt::format("ALTER TABLE {} RENAME TO {};", q(o.from), q(o.to)));
            },
            [&](const op::AddColumn& o) {
              const Table* table = state_.find_table(o.table);
              std::string column = sqlite::column_sql(d_, table ? *table : Table{}, o.column);
              if (references != nullptr) {
                if (references->name)
                  column += fmt::format(" CONSTRAINT {}", q(*references->name));
                column += " " + sqlite::references_sql(d_, *references);
              }
              emit(fmt::format("ALTER TABLE {} ADD COLUMN {};", q(o.table), column),
                   warnings_for(d_, operation));
            },
            [&](const op::DropColumn& o) {
              emit(fmt::format("ALTER TABLE {} DROP COLUMN {};", q(o.table), q(o.column.name)),
                   warnings_for(d_, operation));
            },
            [&](const op::RenameColumn& o) {
              emit(fmt::format("ALTER TABLE {} RENAME COLUMN {} TO {};", q(o.table), q(o.from),
                               q(o.to)));
            },
            [&](const op::CreateIndex& o) {
              emit(sqlite::create_index_sql(d_, o.table, o.index), warnings_for(d_, operation));
            },
            [&](const op::DropIndex& o) { emit(fmt::format("DROP INDEX {};", q(o.index.name))); },
            [&](const op::CreateView& o) { emit(terminated(o.view.sql)); },
            [&](const op::DropView& o) { emit(fmt::format("DROP VIEW {};", q(o.view.name))); },
            [&](const op::CreateTrigger& o) { emit(terminated(o.trigger.sql)); },
            [&](const op::DropTrigger& o) {
              emit(fmt::format("DROP TRIGGER {};", q(o.trigger.name)));
            },
            [&](const op::ExecuteSql& o) { emit(terminated(o.upgrade)); },
            [&](const auto&) {},
        },
        operation.kind);
  }

  // The foreign keys of [begin, end) that ADD COLUMN can declare with their column: a key on one
  // column that the run adds, nullable with no default but NULL (SQLite refuses ADD COLUMN ...
  // REFERENCES with another default while foreign keys are enforced).
  struct InlineReferences {
    std::map<std::size_t, const ForeignKey*> by_column;  // the AddColumn -> its key
    std::set<std::size_t> folded;                        // the AddForeignKey it replaces
  };
  static InlineReferences references_added_inline(const Operations& operations, std::size_t begin,
                                                  std::size_t end) {
    InlineReferences found;
    for (std::size_t k = begin; k < end; ++k) {
      const auto* add_key = std::get_if<op::AddForeignKey>(&operations[k].kind);
      if (add_key == nullptr || add_key->foreign_key.columns.size() != 1) continue;
      for (std::size_t a = begin; a < k; ++a) {
        const auto* add = std::get_if<op::AddColumn>(&operations[a].kind);
        if (add == nullptr || found.by_column.contains(a) ||
            !same_identifier(add->column.name, add_key->foreign_key.columns[0]))
          continue;
        const Column& column = add->column;
        if (column.nullable && !column.generated &&
            (!column.default_sql || *column.default_sql == "NULL")) {
          found.by_column.emplace(a, &add_key->foreign_key);
          found.folded.insert(k);
        }
        break;
      }
    }
    return found;
  }

  // Why operations [begin, end) on one table need a rebuild: each is judged on the table as
  // the ones before it left it.
  std::string rebuild_reason(const Operations& operations, std::size_t begin, std::size_t end,
                             const InlineReferences& inline_references) const {
    const Table* table = state_.find_table(operations[begin].table());
    if (table == nullptr) return {};
    Snapshot scratch;
    scratch.tables = {*table};
    for (std::size_t i = begin; i < end; ++i) {
      if (std::string reason = inline_references.folded.contains(i)
                                   ? std::string()
                                   : needs_rebuild(scratch.tables.front(), operations[i]);
          !reason.empty())
        return reason;
      apply_operations(scratch, operations[i]);
    }
    return {};
  }

  // Whether another table's foreign key points at `table`. Counted once for a run of drops
  // (dropping a long chain of tables stays linear), recounted after any other change.
  bool has_children(const std::string& table) {
    if (!children_) {
      children_.emplace();
      for (const auto& other : state_.tables) {
        for (const auto& fk : other.foreign_keys) {
          if (!same_identifier(fk.ref_table, other.name))
            ++(*children_)[identifier_key(fk.ref_table)];
        }
      }
    }
    auto it = children_->find(identifier_key(table));
    const bool found = it != children_->end() && it->second > 0;
    // The table goes next: its own references go with it.
    if (const Table* dropped = state_.find_table(table)) {
      for (const auto& fk : dropped->foreign_keys) {
        if (!same_identifier(fk.ref_table, table)) --(*children_)[identifier_key(fk.ref_table)];
      }
    }
    return found;
  }

  static std::string terminated(std::string sql) {
    while (!sql.empty() &&
           (std::isspace(static_cast<unsigned char>(sql.back())) || sql.back() == ';'))
      sql.pop_back();
    // A body that ends in a `--` comment (SQLite keeps those of a view or trigger) takes its
    // `;` on a line of its own, or the comment would hide it and join the next statement.
    if (std::string statement = sql + ";"; sqlite3_complete(statement.c_str()) != 0)
      return statement;
    return sql + "\n;";
  }

  // Operations [begin, end) all change one table: one rebuild does them all.
  void rebuild(const Operations& operations, std::size_t begin, std::size_t end,
               const std::string& reason) {
    const std::string name = operations[begin].table();
    note_rebuilt(name);
    const Table before = *state_.find_table(name);
    // Column renames run natively first: SQLite then rewrites the foreign keys of other
    // tables that point at the renamed columns, which a copy into a new table would not.
    // A column being dropped whose name a rename takes is moved aside first.
    std::vector<std::string> renames_sql;
    std::set<std::string> physical, copied;  // column names in the old table now; columns to copy
    for (const auto& column : before.columns)
      physical.insert(column.name), copied.insert(column.name);
    auto rename_natively = [&](const std::string& from, const std::string& to) {
      renames_sql.push_back(
          fmt::format("ALTER TABLE {} RENAME COLUMN {} TO {};", q(name), q(from), q(to)));
      physical.erase(from);
      physical.insert(to);
    };
    std::vector<std::string> comments;
    for (std::size_t i = begin; i < end; ++i) {
      const Operation& operation = operations[i];
      if (const auto* rename = std::get_if<op::RenameColumn>(&operation.kind)) {
        if (physical.count(rename->to))
          rename_natively(rename->to, "_dbmigrate_dropped_" + rename->to);
        rename_natively(rename->from, rename->to);
        if (copied.erase(rename->from)) copied.insert(rename->to);
      } else if (const auto* drop = std::get_if<op::DropColumn>(&operation.kind)) {
        copied.erase(drop->column.name);
      } else if (const auto* add = std::get_if<op::AddColumn>(&operation.kind)) {
        copied.erase(add->column.name);
      }
      for (auto& warning : warnings_for(d_, operation)) comments.push_back(std::move(warning));
      apply_operations(state_, operation);
    }
    const Table& after = *state_.find_table(name);

    comments.push_back(
        fmt::format("Rebuild of table '{}' (SQLite cannot alter it in place: {}):", name, reason));
    for (std::size_t i = begin; i < end; ++i) comments.push_back(operations[i].describe());

    const std::string temporary = sqlite::rebuild_copy_name(name);
    std::vector<std::string> columns;
    for (const auto& column : after.columns) {
      // A generated column computes its values again; it cannot be written.
      if (copied.count(column.name) && !column.generated) columns.push_back(q(column.name));
    }
    script_.needs_foreign_keys_off = true;
    for (auto& sql : renames_sql) emit(std::move(sql), std::exchange(comments, {}));
    emit(sqlite::create_table_sql(d_, after, temporary), std::move(comments));
    // With no column left to copy, the rows are kept by their rowid (their values went with
    // the dropped columns); a WITHOUT ROWID table has no row without its key.
    if (columns.empty() && !before.sqlite.without_rowid && !after.sqlite.without_rowid) columns.push_back("rowid");
    if (!columns.empty()) {
      // OR ABORT: a row that breaks a constraint of the new table fails the revision, even
      // where the constraint itself says ON CONFLICT IGNORE or REPLACE: a rebuild loses no row.
      emit(fmt::format("INSERT OR ABORT INTO {} ({}) SELECT {} FROM {};", q(temporary),
                       fmt::join(columns, ", "), fmt::join(columns, ", "), q(name)));
    }
    if (has_autoincrement(before) && has_autoincrement(after)) {
      // Keep AUTOINCREMENT from handing out ids again that deleted rows once had.
      emit(fmt::format("DELETE FROM sqlite_sequence WHERE name = {};",
                       sqlite::quote_literal(temporary)));
      emit(
          fmt::format("INSERT INTO sqlite_sequence (name, seq) SELECT {}, seq FROM "
                      "sqlite_sequence WHERE name = {};",
                      sqlite::quote_literal(temporary), sqlite::quote_literal(name)));
    }
    emit(fmt::format("DROP TABLE {};", q(name)));
    emit(fmt::format("ALTER TABLE {} RENAME TO {};", q(temporary), q(name)));
    for (const auto& index : after.indexes) emit(sqlite::create_index_sql(d_, name, index));
  }

  // Which table of the start each table now is: a rename carries the name along, a table
  // created on the way is none.
  void follow_name(const Operation& operation) {
    if (const auto* rename = std::get_if<op::RenameTable>(&operation.kind)) {
      auto node = origin_.extract(identifier_key(rename->from));
      if (node.empty()) return;
      node.key() = identifier_key(rename->to);
      origin_.insert(std::move(node));
    } else if (const auto* create = std::get_if<op::CreateTable>(&operation.kind)) {
      origin_.erase(identifier_key(create->table.name));
    } else if (const auto* drop = std::get_if<op::DropTable>(&operation.kind)) {
      origin_.erase(identifier_key(drop->table.name));
    }
  }

  // Records what the script expects of the table `name` rebuilds, as it stands at the start.
  void note_rebuilt(const std::string& name) {
    const auto origin = origin_.find(identifier_key(name));
    if (origin == origin_.end()) return;
    const Table* table = start_.find_table(origin->second);
    if (table == nullptr) return;
    for (const auto& shape : script_.rebuilt) {
      if (shape.table == table->name) return;
    }
    TableShape shape{.table = table->name};
    for (const auto& column : table->columns) shape.columns.push_back(column.name);
    for (const auto& index : table->indexes) shape.indexes.push_back(index.name);
    for (const auto& trigger : start_.triggers) {
      if (same_identifier(trigger.table, table->name)) shape.triggers.push_back(trigger.name);
    }
    script_.rebuilt.push_back(std::move(shape));
  }

  static bool has_autoincrement(const Table& table) {
    return std::any_of(table.columns.begin(), table.columns.end(),
                       [](const Column& c) { return c.autoincrement; });
  }

  const SqliteDialect& d_;
  const Snapshot& start_;
  std::map<std::string, std::string> origin_;  // folded name now -> name at the start
  Snapshot state_;
  SqlScript script_;
  std::optional<std::unordered_map<std::string, int>>
      children_;  // folded table name -> references to it
};

}  // namespace

DialectCapabilities SqliteDialect::capabilities() const {
  // ALTER TABLE adds, drops and renames; every other change is a table rebuild.
  return {.transactional_ddl = true,
          .rebuild_needs_foreign_keys_off = true,
          .identifier_case = IdentifierCase::ascii_insensitive,
          .max_identifier_length = 0,
          .enforces_declared_size = false,
          .alter = {.add_column = true,
                    .drop_column = true,
                    .rename_column = true,
                    .rename_table = true,
                    .alter_column_type = false,
                    .alter_nullability = false,
                    .alter_default = false,
                    .add_constraint = false,
                    .drop_constraint = false}};
}

SqlScript SqliteDialect::render(const Snapshot& from, const Operations& operations) const {
  Snapshot start = without_rename_hints(from);
  start.head.reset();
  start.normalize();
  return Renderer(*this, start).run(operations);
}

}  // namespace dbmigrate
