// What every dialect offers: render operations to SQL, and say what it can do.
#pragma once

#include <string>
#include <vector>

#include "dbmigrate/operations.hpp"
#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {

struct SqlStatement {
  std::string sql;  // one statement, with its terminating ';'
  // Notes to print above it (a warning, what a rebuild does), one comment line each. Plain
  // text: whoever prints them makes each one line (model text in them may hold newlines).
  std::vector<std::string> comments;
};

struct SqlScript {
  std::vector<SqlStatement> statements;
  // The script rebuilds tables: foreign-key enforcement must be off around its transaction
  // and `PRAGMA foreign_key_check` clean before commit.
  bool needs_foreign_keys_off = false;
  // The script can lose data (a statement carries a "WARNING: ..." comment): the runner backs
  // the database up before it runs.
  bool destructive = false;
  // The tables the script rebuilds, each as it stands before the script runs (under its name
  // then; a table the script creates itself is left out), in the order first rebuilt. A rebuild
  // keeps these names only: the runner refuses one whose live table has more.
  std::vector<TableShape> rebuilt;
};

struct DialectCapabilities {
  bool transactional_ddl = true;
  bool native_drop_column = true;
  bool native_alter_column = true;
};

class Dialect {
 public:
  virtual ~Dialect() = default;
  [[nodiscard]] virtual std::string name() const = 0;
  [[nodiscard]] virtual DialectCapabilities capabilities() const = 0;
  [[nodiscard]] virtual std::string quote_identifier(std::string_view name) const = 0;
  // `from` is the schema the operations start from; the renderer follows it as it goes.
  [[nodiscard]] virtual SqlScript render(const Snapshot& from,
                                         const Operations& operations) const = 0;
};

}  // namespace dbmigrate
