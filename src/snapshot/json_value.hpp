// A small JSON document model and parser for reading snapshots: objects keep their members
// in document order in a vector (snapshot objects are small), strings are decoded, numbers
// keep whether they were written as integers. Syntax errors give line and column.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dbmigrate::json_doc {

struct Value {
  enum class Type { null, boolean, integer, number, string, array, object };

  Type type = Type::null;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
  std::string string;
  std::vector<Value> items;                           // array
  std::vector<std::pair<std::string, Value>> members;  // object

  [[nodiscard]] const Value* find(std::string_view key) const;
};

// Throws Error(input): "<origin>: not valid JSON at line L, column C: <what>".
[[nodiscard]] Value parse(std::string_view text, std::string_view origin);

}  // namespace dbmigrate::json_doc
