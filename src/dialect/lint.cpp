// The lint of an operation on one dialect: the dialect-neutral reasons of the operation, with
// what the dialect itself keeps or enforces taken into account.
#include <fmt/format.h>

#include "dbmigrate/dialect.hpp"
#include "diff/printable_line.hpp"
#include "diff/type_change.hpp"

namespace dbmigrate {
namespace {

// A change of declared size only, on a dialect that keeps every value whatever the size.
const op::AlterColumn* unenforced_narrowing(const Dialect& dialect, const Operation& operation) {
  const auto* alter = std::get_if<op::AlterColumn>(&operation.kind);
  if (alter == nullptr || dialect.capabilities().enforces_declared_size) return nullptr;
  if (!alter->from.generated && alter->to.generated) return nullptr;  // values are replaced
  return narrows_only_declared_size(alter->from.type, alter->to.type) ? alter : nullptr;
}

}  // namespace

std::string_view lint_label(Lint::Level level) {
  switch (level) {
    case Lint::Level::warning: return "WARNING";
    case Lint::Level::caution: return "CAUTION";
    case Lint::Level::note: return "NOTE";
  }
  return "NOTE";
}

std::vector<Lint> lint(const Dialect& dialect, const Operation& operation) {
  std::vector<Lint> lines;
  std::string destructive = operation.destructive_reason();
  if (const op::AlterColumn* alter = unenforced_narrowing(dialect, operation)) {
    destructive.clear();
    lines.push_back(
        {Lint::Level::note,
         printable_line(fmt::format(
             "column '{}.{}' is declared {} instead of {}: {} does not enforce a declared size, "
             "so no value is cut or lost; only the declared type changes",
             alter->table, alter->to.name, alter->to.type, alter->from.type, dialect.name()))});
  }
  if (!destructive.empty()) lines.insert(lines.begin(), {Lint::Level::warning, destructive});
  if (std::string reason = operation.data_dependent_reason(); !reason.empty() && reason != destructive)
    lines.push_back({Lint::Level::caution, std::move(reason)});
  return lines;
}

}  // namespace dbmigrate
