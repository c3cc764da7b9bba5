// Revision section text, and the headers that say what each section needs, from rendered scripts.
#include "cli/script_text.hpp"

#include "diff/printable_line.hpp"

namespace dbmigrate::cli {

std::string script_text(const SqlScript& script) {
  std::string text;
  if (script.needs_foreign_keys_off) text += "PRAGMA foreign_keys=OFF;\n";
  for (const auto& statement : script.statements) {
    if (!text.empty()) text += "\n";
    // Each note is one comment line, whatever names or expressions it quotes.
    for (const auto& comment : statement.comments) text += "-- " + printable_line(comment) + "\n";
    text += statement.sql + "\n";
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

namespace {

// The dialect the revision is for and what each section needs of the runner (docs/cli.md,
// "Revision headers"), so that the runner reads them rather than the SQL.
void add_needs_headers(Revision& revision, const Dialect& dialect, const SqlScript& upgrade,
                       const SqlScript& downgrade) {
  revision.headers.push_back(dialect_header(dialect.name()));
  auto add = [&](std::string_view section, const SqlScript& script) {
    for (auto& header : needs_headers(section, {.foreign_keys_off = script.needs_foreign_keys_off,
                                                .destructive = script.destructive})) {
      revision.headers.push_back(std::move(header));
    }
  };
  add("upgrade", upgrade);
  add("downgrade", downgrade);
}

// What each section expects of the tables it rebuilds, so that the runner can refuse to drop
// what a person added to them by hand.
void add_rebuild_headers(Revision& revision, const SqlScript& upgrade, const SqlScript& downgrade) {
  for (const auto& shape : upgrade.rebuilt)
    revision.headers.push_back(rebuild_header("upgrade", shape));
  for (const auto& shape : downgrade.rebuilt)
    revision.headers.push_back(rebuild_header("downgrade", shape));
}

}  // namespace

void set_generated_sections(Revision& revision, const Dialect& dialect, const SqlScript& upgrade,
                            const SqlScript& downgrade) {
  revision.upgrade_sql = script_text(upgrade);
  revision.downgrade_sql = script_text(downgrade);
  add_needs_headers(revision, dialect, upgrade, downgrade);
  add_rebuild_headers(revision, upgrade, downgrade);
}

}  // namespace dbmigrate::cli
