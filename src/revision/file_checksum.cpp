// The checksum of a revision file's text. Only CRLF is a line end to normalise: a lone CR may be
// data inside a string literal (the parser keeps it too), so changing it changes the checksum.
#include <string>

#include "dbmigrate/revision.hpp"
#include "revision/file_text.hpp"

namespace dbmigrate {

std::string_view without_bom(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

std::string revision_file_checksum(std::string_view file_text) {
  const std::string_view text = without_bom(file_text);
  if (text.find("\r\n") == std::string_view::npos) return sha256_hex(text);
  std::string normalised;
  normalised.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    normalised += text[i];
  }
  return sha256_hex(normalised);
}

}  // namespace dbmigrate
