// What each operation says about itself: its text, its inverse, its risks.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dbmigrate/operations.hpp"
#include "diff/overloaded.hpp"
#include "diff/printable_line.hpp"
#include "diff/type_change.hpp"

namespace dbmigrate {
namespace {

std::string column_list(const std::vector<std::string>& columns) {
  return fmt::format("({})", fmt::join(columns, ", "));
}

std::string key_list(const Index& index) {
  std::vector<std::string> keys;
  for (const auto& key : index.keys) keys.push_back(key.name + (key.descending ? " DESC" : ""));
  return column_list(keys);
}

// A unique constraint's columns, with each one's COLLATE and DESC.
std::string key_list(const UniqueConstraint& unique) {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < unique.columns.size(); ++i) {
    std::string key = unique.columns[i];
    if (i < unique.orders.size()) {
      if (unique.orders[i].collation) key += " COLLATE " + *unique.orders[i].collation;
      if (unique.orders[i].descending) key += " DESC";
    }
    keys.push_back(std::move(key));
  }
  return column_list(keys);
}

std::string describe_column_change(const std::string& table, const Column& from, const Column& to) {
  std::vector<std::string> parts;
  if (type_text(from) != type_text(to))
    parts.push_back(fmt::format("type {} -> {}", type_text(from), type_text(to)));
  else if (from.sqlite.declared_type != to.sqlite.declared_type)
    parts.push_back(
        fmt::format("SQLite type {} -> {}", sqlite_declaration(from), sqlite_declaration(to)));
  if (from.nullable != to.nullable) parts.push_back(to.nullable ? "NULL allowed" : "NOT NULL");
  if (from.default_sql != to.default_sql) {
    parts.push_back(fmt::format("default {} -> {}", from.default_sql.value_or("none"),
                                to.default_sql.value_or("none")));
  }
  if (from.collation != to.collation) {
    parts.push_back(fmt::format("collation {} -> {}", from.collation.value_or("default"),
                                to.collation.value_or("default")));
  }
  if (from.autoincrement != to.autoincrement)
    parts.push_back(to.autoincrement ? "AUTOINCREMENT" : "no AUTOINCREMENT");
  if (from.generated != to.generated) {
    parts.push_back(to.generated ? fmt::format("generated as ({}){}", to.generated->expression,
                                               to.generated->stored ? " stored" : "")
                                 : std::string("no longer generated"));
  }
  const auto& from_conflict = from.sqlite.not_null_on_conflict;
  const auto& to_conflict = to.sqlite.not_null_on_conflict;
  if (from_conflict != to_conflict) {
    parts.push_back(fmt::format("NOT NULL ON CONFLICT {} -> {}",
                                from_conflict ? to_string(*from_conflict) : "ABORT",
                                to_conflict ? to_string(*to_conflict) : "ABORT"));
  }
  return fmt::format("altered column '{}.{}': {}", table, to.name, fmt::join(parts, ", "));
}

std::string first_line(const std::string& sql) {
  auto line = sql.substr(0, sql.find('\n'));
  return line.size() > 60 ? line.substr(0, 57) + "..." : line;
}

}  // namespace

std::string Operation::describe() const {
  return printable_line(std::visit(
      overloaded{
          [](const op::CreateTable& o) { return fmt::format("added table '{}'", o.table.name); },
          [](const op::DropTable& o) { return fmt::format("removed table '{}'", o.table.name); },
          [](const op::RenameTable& o) {
            return fmt::format("renamed table '{}' to '{}'", o.from, o.to);
          },
          [](const op::AddColumn& o) {
            return fmt::format("added column '{}.{}'", o.table, o.column.name);
          },
          [](const op::DropColumn& o) {
            return fmt::format("removed column '{}.{}'", o.table, o.column.name);
          },
          [](const op::RenameColumn& o) {
            return fmt::format("renamed column '{}.{}' to '{}'", o.table, o.from, o.to);
          },
          [](const op::AlterColumn& o) { return describe_column_change(o.table, o.from, o.to); },
          [](const op::AlterPrimaryKey& o) {
            return fmt::format("changed primary key of '{}' from {}{} to {}{}", o.table,
                               column_list(o.from), on_conflict_clause(o.from_on_conflict),
                               column_list(o.to), on_conflict_clause(o.to_on_conflict));
          },
          [](const op::AlterTableOptions& o) {
            std::vector<std::string> changes;
            if (o.from.without_rowid != o.to.without_rowid) {
              changes.push_back(
                  fmt::format("{} WITHOUT ROWID", o.to.without_rowid ? "added" : "removed"));
            }
            if (o.from.strict != o.to.strict)
              changes.push_back(fmt::format("{} STRICT", o.to.strict ? "added" : "removed"));
            return fmt::format("{} on table '{}'", fmt::join(changes, " and "), o.table);
          },
          [](const op::CreateIndex& o) {
            return fmt::format("added {}index '{}' on '{}' {}", o.index.unique ? "unique " : "",
                               o.index.name, o.table, key_list(o.index));
          },
          [](const op::DropIndex& o) {
            return fmt::format("removed {}index '{}' on '{}'", o.index.unique ? "unique " : "",
                               o.index.name, o.table);
          },
          [](const op::AddUnique& o) {
            return fmt::format("added unique constraint on '{}' {}{}", o.table, key_list(o.unique),
                               on_conflict_clause(o.unique.sqlite.on_conflict));
          },
          [](const op::DropUnique& o) {
            return fmt::format("removed unique constraint on '{}' {}{}", o.table,
                               key_list(o.unique), on_conflict_clause(o.unique.sqlite.on_conflict));
          },
          [](const op::AddForeignKey& o) {
            return fmt::format("added foreign key on '{}' {} -> '{}' {}{}", o.table,
                               column_list(o.foreign_key.columns), o.foreign_key.ref_table,
                               column_list(o.foreign_key.ref_columns),
                               o.foreign_key.on_delete == ReferentialAction::no_action
                                   ? std::string()
                                   : " ON DELETE " + to_string(o.foreign_key.on_delete));
          },
          [](const op::DropForeignKey& o) {
            return fmt::format("removed foreign key on '{}' {} -> '{}'", o.table,
                               column_list(o.foreign_key.columns), o.foreign_key.ref_table);
          },
          [](const op::AddCheck& o) {
            return fmt::format("added check constraint on '{}' ({})", o.table, o.check.expression);
          },
          [](const op::DropCheck& o) {
            return fmt::format("removed check constraint on '{}' ({})", o.table,
                               o.check.expression);
          },
          [](const op::CreateView& o) { return fmt::format("added view '{}'", o.view.name); },
          [](const op::DropView& o) { return fmt::format("removed view '{}'", o.view.name); },
          [](const op::CreateTrigger& o) {
            return fmt::format("added trigger '{}' on '{}'", o.trigger.name, o.trigger.table);
          },
          [](const op::DropTrigger& o) {
            return fmt::format("removed trigger '{}' on '{}'", o.trigger.name, o.trigger.table);
          },
          [](const op::ExecuteSql& o) {
            return fmt::format("execute SQL: {}", first_line(o.upgrade));
          },
      },
      kind));
}

Operation Operation::inverse() const {
  return std::visit(
      overloaded{
          [](const op::CreateTable& o) { return Operation{op::DropTable{o.table}}; },
          [](const op::DropTable& o) { return Operation{op::CreateTable{o.table}}; },
          [](const op::RenameTable& o) {
            return Operation{op::RenameTable{o.to, o.from}};
          },
          [](const op::AddColumn& o) {
            return Operation{op::DropColumn{o.table, o.column}};
          },
          [](const op::DropColumn& o) {
            return Operation{op::AddColumn{o.table, o.column}};
          },
          [](const op::RenameColumn& o) {
            return Operation{op::RenameColumn{o.table, o.to, o.from}};
          },
          [](const op::AlterColumn& o) {
            return Operation{op::AlterColumn{o.table, o.to, o.from}};
          },
          [](const op::AlterPrimaryKey& o) {
            return Operation{
                op::AlterPrimaryKey{o.table, o.to, o.from, o.to_on_conflict, o.from_on_conflict}};
          },
          [](const op::AlterTableOptions& o) {
            return Operation{op::AlterTableOptions{o.table, o.to, o.from, o.any_columns}};
          },
          [](const op::CreateIndex& o) {
            return Operation{op::DropIndex{o.table, o.index}};
          },
          [](const op::DropIndex& o) {
            return Operation{op::CreateIndex{o.table, o.index}};
          },
          [](const op::AddUnique& o) {
            return Operation{op::DropUnique{o.table, o.unique}};
          },
          [](const op::DropUnique& o) {
            return Operation{op::AddUnique{o.table, o.unique}};
          },
          [](const op::AddForeignKey& o) {
            return Operation{op::DropForeignKey{o.table, o.foreign_key}};
          },
          [](const op::DropForeignKey& o) {
            return Operation{op::AddForeignKey{o.table, o.foreign_key}};
          },
          [](const op::AddCheck& o) {
            return Operation{op::DropCheck{o.table, o.check}};
          },
          [](const op::DropCheck& o) {
            return Operation{op::AddCheck{o.table, o.check}};
          },
          [](const op::CreateView& o) { return Operation{op::DropView{o.view}}; },
          [](const op::DropView& o) { return Operation{op::CreateView{o.view}}; },
          [](const op::CreateTrigger& o) { return Operation{op::DropTrigger{o.trigger}}; },
          [](const op::DropTrigger& o) { return Operation{op::CreateTrigger{o.trigger}}; },
          [](const op::ExecuteSql& o) {
            return Operation{op::ExecuteSql{o.downgrade, o.upgrade}};
          },
      },
      kind);
}

std::string Operation::destructive_reason() const {
  return printable_line(std::visit(
      overloaded{
          [](const op::DropTable& o) {
            return fmt::format("drops table '{}' and every row in it", o.table.name);
          },
          [](const op::DropColumn& o) {
            if (o.column.generated)
              return std::string();  // its values are computed, not stored data
            return fmt::format("drops column '{}.{}' and its data", o.table, o.column.name);
          },
          [](const op::AlterColumn& o) {
            if (!o.from.generated && o.to.generated) {
              return fmt::format(
                  "replaces the stored values of column '{}.{}' with values computed as ({})",
                  o.table, o.to.name, o.to.generated->expression);
            }
            if (!narrows(type_text(o.from), type_text(o.to))) return std::string();
            return fmt::format(
                "narrows column '{}.{}' from {} to {}: values that do not fit change or are lost",
                o.table, o.to.name, type_text(o.from), type_text(o.to));
          },
          [](const op::AlterTableOptions& o) {
            if (!o.from.strict || o.to.strict || o.any_columns.empty()) return std::string();
            return fmt::format(
                "removes STRICT from '{}': its any columns ({}) take NUMERIC affinity, so text "
                "that reads as a number becomes a number",
                o.table, fmt::join(o.any_columns, ", "));
          },
          [](const op::AddColumn& o) {
            if (o.column.nullable || o.column.default_sql) return std::string();
            if (o.column.generated) {
              return fmt::format(
                  "adds NOT NULL generated column '{}.{}': fails if it computes NULL for a row",
                  o.table, o.column.name);
            }
            return fmt::format(
                "adds NOT NULL column '{}.{}' without a default: fails if the table has rows",
                o.table, o.column.name);
          },
          [](const auto&) { return std::string(); },
      },
      kind));
}

std::string Operation::data_dependent_reason() const {
  return printable_line(std::visit(
      overloaded{
          [](const op::AlterColumn& o) {
            if (o.from.nullable && !o.to.nullable) {
              return fmt::format(
                  "column '{}.{}' becomes NOT NULL: fails if any row holds NULL there", o.table,
                  o.to.name);
            }
            return std::string();
          },
          [](const op::CreateIndex& o) {
            if (!o.index.unique) return std::string();
            return fmt::format(
                "unique index '{}' on '{}' {}: fails if existing rows hold duplicates",
                o.index.name, o.table, key_list(o.index));
          },
          [](const op::AddUnique& o) {
            return fmt::format(
                "unique constraint on '{}' {}: fails if existing rows hold duplicates", o.table,
                key_list(o.unique));
          },
          [](const op::AlterPrimaryKey& o) {
            if (o.from == o.to) return std::string();  // only its ON CONFLICT changes
            return fmt::format(
                "new primary key on '{}' {}: fails if existing rows hold duplicates or NULLs",
                o.table, column_list(o.to));
          },
          [](const op::AddForeignKey& o) {
            return fmt::format(
                "foreign key on '{}' {}: fails if existing rows point at missing '{}' rows",
                o.table, column_list(o.foreign_key.columns), o.foreign_key.ref_table);
          },
          [](const op::AddCheck& o) {
            return fmt::format("check ({}) on '{}': fails if existing rows break it",
                               o.check.expression, o.table);
          },
          [](const auto&) { return std::string(); },
      },
      kind));
}

std::string Operation::table() const {
  return std::visit(overloaded{
                        [](const op::CreateTable& o) { return o.table.name; },
                        [](const op::DropTable& o) { return o.table.name; },
                        [](const op::RenameTable& o) { return o.to; },
                        [](const op::CreateView&) { return std::string(); },
                        [](const op::DropView&) { return std::string(); },
                        [](const op::CreateTrigger&) { return std::string(); },
                        [](const op::DropTrigger&) { return std::string(); },
                        [](const op::ExecuteSql&) { return std::string(); },
                        [](const auto& o) { return o.table; },
                    },
                    kind);
}

Operations invert(const Operations& operations) {
  Operations out;
  out.reserve(operations.size());
  for (auto it = operations.rbegin(); it != operations.rend(); ++it) out.push_back(it->inverse());
  return out;
}

}  // namespace dbmigrate
