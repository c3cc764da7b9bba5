// A view's or trigger's CREATE statement spelled as SQLite stores it in sqlite_schema, so that
// a model and an inspected database give the same snapshot text.
#pragma once

#include <string>
#include <string_view>

namespace dbmigrate::model {

struct StoredStatement {
  std::string sql;      // "CREATE VIEW <text from the name on>", no trailing ';'
  std::string name;     // the name the statement creates
  std::string table;    // a trigger's table, as the statement spells it
  std::string problem;  // why the text is not a CREATE <kind> statement; empty when it is
};

// `kind` is "VIEW" or "TRIGGER". SQLite keeps "CREATE <kind> " and the text from the object's
// name to the last token, dropping TEMP, IF NOT EXISTS and a schema prefix.
[[nodiscard]] StoredStatement stored_statement(std::string_view kind, std::string_view sql);

}  // namespace dbmigrate::model
