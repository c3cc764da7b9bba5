// Reading a snapshot document with nlohmann_json's SAX parser into ordered values: members keep
// their document order (the first unknown field is the first one written), a member written
// twice is an error rather than silently the last, nesting is limited, and the elements of one
// top-level array can be taken one by one as they are parsed, so that a large snapshot is never
// held whole as JSON values.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string_view>

namespace dbmigrate::json_document {

using Value = nlohmann::ordered_json;

// Called for each element of the top-level object's array member being streamed, once it is
// parsed, with the document parsed so far. Returns true when it has taken the element (which is
// then dropped from the document), false to keep it in the document.
using ElementHandler = std::function<bool(const Value& root, std::size_t index, Value& element)>;

// Throws Error(input): "<origin>: not valid JSON at line L, column C: <what>" for bad syntax,
// "<origin>: <JSON path>: <what>" for text that is not UTF-8, a member written twice or nesting
// too deep. Integers that do not fit 64 signed bits are read as floating-point numbers.
[[nodiscard]] Value parse(std::string_view text, std::string_view origin, std::string_view member,
                          const ElementHandler& handler);

}  // namespace dbmigrate::json_document
