// UTF-8 validation after RFC 3629, table 3-7 of the Unicode standard.
#include "snapshot/utf8.hpp"

namespace dbmigrate {

std::optional<std::size_t> invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  auto continuation = [&](std::size_t at, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return at < n && byte(at) >= low && byte(at) <= high;
  };
  while (i < n) {
    const unsigned char c = byte(i);
    if (c < 0x80) {
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF && continuation(i + 1)) {
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF &&
               continuation(i + 1, c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF) &&
               continuation(i + 2)) {
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4 &&
               continuation(i + 1, c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF) &&
               continuation(i + 2) && continuation(i + 3)) {
      i += 4;
    } else {
      return i;
    }
  }
  return std::nullopt;
}

}  // namespace dbmigrate
