// Any text as one printable line, for comments in generated SQL, revision headers and the
// terminal: a name, a default or an expression from a model may hold a newline, and a comment
// that quoted it verbatim would end there and let the rest run as SQL.
#pragma once

#include <string>
#include <string_view>

namespace dbmigrate {

// `text` with every character that could end a line, move the cursor or reorder what a reader
// sees shown as an escape: `\n`, `\r`, `\t`, `\0`, `\xNN` for other C0 controls, DEL and bytes
// that are not UTF-8, `\uNNNN` for C1 controls, U+2028/U+2029 and the bidirectional controls.
// A backslash is kept as it is, so applying it twice changes nothing more.
[[nodiscard]] std::string printable_line(std::string_view text);

}  // namespace dbmigrate
