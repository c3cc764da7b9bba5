// Operations: what diff produces and a dialect renders. Each carries the old state beside
// the new, so that its inverse is mechanical.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {

namespace op {

struct CreateTable { Table table; };
struct DropTable { Table table; };
struct RenameTable { std::string from, to; };
struct AddColumn { std::string table; Column column; };
struct DropColumn { std::string table; Column column; };
struct RenameColumn { std::string table; std::string from, to; };
struct AlterColumn { std::string table; Column from, to; };  // same name; type, null, default, collation, autoincrement
struct AlterPrimaryKey {
  std::string table;
  std::vector<std::string> from, to;
  std::optional<ConflictAction> from_on_conflict, to_on_conflict;  // SQLite's ON CONFLICT
};
// The options after a CREATE TABLE's closing parenthesis (SQLite: WITHOUT ROWID, STRICT).
struct TableOptions {
  bool without_rowid = false;
  bool strict = false;
  bool operator==(const TableOptions&) const = default;
};
[[nodiscard]] inline TableOptions options_of(const Table& table) {
  return {table.sqlite.without_rowid, table.sqlite.strict};
}
struct AlterTableOptions {
  std::string table;
  TableOptions from, to;
  // Columns typed `any`, which keep values as given only while the table is STRICT.
  std::vector<std::string> any_columns;
};
struct CreateIndex { std::string table; Index index; };
struct DropIndex { std::string table; Index index; };
struct AddUnique { std::string table; UniqueConstraint unique; };
struct DropUnique { std::string table; UniqueConstraint unique; };
struct AddForeignKey { std::string table; ForeignKey foreign_key; };
struct DropForeignKey { std::string table; ForeignKey foreign_key; };
struct AddCheck { std::string table; CheckConstraint check; };
struct DropCheck { std::string table; CheckConstraint check; };
struct CreateView { View view; };
struct DropView { View view; };
struct CreateTrigger { Trigger trigger; };
struct DropTrigger { Trigger trigger; };
struct ExecuteSql { std::string upgrade, downgrade; };

}  // namespace op

using OperationKind =
    std::variant<op::CreateTable, op::DropTable, op::RenameTable, op::AddColumn, op::DropColumn,
                 op::RenameColumn, op::AlterColumn, op::AlterPrimaryKey, op::AlterTableOptions,
                 op::CreateIndex, op::DropIndex, op::AddUnique, op::DropUnique, op::AddForeignKey,
                 op::DropForeignKey, op::AddCheck, op::DropCheck, op::CreateView, op::DropView,
                 op::CreateTrigger, op::DropTrigger, op::ExecuteSql>;

struct Operation {
  OperationKind kind;

  // Flat, stable one-line description: "add column users.age", used by migrate's
  // "Detected ..." lines, check output and tests. This and the reasons below are always one
  // line: control characters of the names and expressions they quote are shown escaped.
  [[nodiscard]] std::string describe() const;

  // Why this operation can lose data or fail on existing rows; empty when it cannot.
  [[nodiscard]] std::string destructive_reason() const;
  // Changes that depend on the data already present (may fail on upgrade), where
  // destructive_reason() does not already say so (a new NOT NULL column without a default).
  [[nodiscard]] std::string data_dependent_reason() const;

  [[nodiscard]] Operation inverse() const;

  // The table this operation changes, or empty for views, triggers and raw SQL.
  [[nodiscard]] std::string table() const;
};

using Operations = std::vector<Operation>;

// The operations that undo `operations`: each inverted, in reverse order.
[[nodiscard]] Operations invert(const Operations& operations);

// Applies operations to a snapshot, as the database would:
// apply_operations(old, diff(old, new)) gives new.
// Throws Error(input) when an operation does not fit the snapshot (unknown table, ...).
void apply_operations(Snapshot& snapshot, const Operation& operation);
void apply_operations(Snapshot& snapshot, const Operations& operations);

}  // namespace dbmigrate
