// The SQL text a snapshot carries (defaults, CHECKs, partial-index WHERE clauses, expression
// keys, generated columns, views, triggers) is rendered into revisions as it stands. A dialect
// says whether each piece is exactly one thing of its kind, so that no snapshot, however it was
// written, can carry a statement of its own into a revision.
#pragma once

#include <string>
#include <string_view>

namespace dbmigrate {

class SqlFragmentCheck {
 public:
  virtual ~SqlFragmentCheck() = default;

  // Each returns why the text is not what it should be, or an empty string when it is.
  // Exactly one expression (CHECK, WHERE, an index key, a generated column).
  [[nodiscard]] virtual std::string expression(std::string_view sql) const = 0;
  // Exactly one expression that CREATE INDEX reads as written.
  [[nodiscard]] virtual std::string index_key(std::string_view sql) const {
    return expression(sql);
  }
  // Exactly one expression, spelled so that it can follow DEFAULT.
  [[nodiscard]] virtual std::string default_value(std::string_view sql) const = 0;
  // Exactly one CREATE VIEW statement creating `name`.
  [[nodiscard]] virtual std::string view(std::string_view sql, std::string_view name) const = 0;
  // Exactly one CREATE TRIGGER statement creating `name` on `table`.
  [[nodiscard]] virtual std::string trigger(std::string_view sql, std::string_view name,
                                            std::string_view table) const = 0;
  // A column type the dialect can declare.
  [[nodiscard]] virtual std::string column_type(std::string_view type) const = 0;
  // A type as the dialect declares it (`declared`, a plain type name) that reads back as the
  // column's type (`type`: portable, or the dialect's own). A dialect that keeps no declared
  // types takes any.
  [[nodiscard]] virtual std::string declared_type(std::string_view declared,
                                                  std::string_view type) const {
    (void)declared;
    (void)type;
    return {};
  }
  // A name a table of the schema may have (not one the dialect or DbMigrate keeps for itself).
  [[nodiscard]] virtual std::string table_name(std::string_view name) const = 0;
};

}  // namespace dbmigrate
