// A small JSON document model and parser for reading snapshots: objects keep their members
// in document order in a vector (snapshot objects are small), strings are decoded, numbers
// keep whether they were written as integers. Syntax errors give line and column.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dbmigrate::json_doc {

struct Member;

struct Value {
  enum class Type { null, boolean, integer, number, string, array, object };

  Type type = Type::null;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
  std::string string;
  std::vector<Value> items;                           // array
  // A named struct rather than std::pair<std::string, Value>: Clang cannot instantiate the pair
  // while Value is still incomplete.
  std::vector<Member> members;  // object

  [[nodiscard]] const Value* find(std::string_view key) const;
};

struct Member {
  std::string name;
  Value value;
};

// Throws Error(input): "<origin>: not valid JSON at line L, column C: <what>".
[[nodiscard]] Value parse(std::string_view text, std::string_view origin);

// Called for each element of the top-level array member being streamed, as soon as it is
// parsed, with the document parsed so far. Returns true when it has taken the element (which
// is then dropped from the document), false to keep it in the document.
using ElementHandler = std::function<bool(const Value& root, std::size_t index, Value& element)>;

// As parse(), but the elements of the top-level object's array member `member` go to
// `handler` one by one: a large document need not be held whole in memory.
[[nodiscard]] Value parse(std::string_view text, std::string_view origin, std::string_view member,
                          const ElementHandler& handler);

}  // namespace dbmigrate::json_doc
