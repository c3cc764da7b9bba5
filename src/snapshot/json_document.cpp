// The SAX handler that builds a snapshot document, keeping the path to the value being parsed
// so that an error can name it. nlohmann's parser is iterative, so only the tree's depth needs a
// limit: a hostile document must not build one whose destruction recurses too deep.
#include "snapshot/json_document.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "dbmigrate/error.hpp"
#include "diff/printable_line.hpp"
#include "snapshot/utf8.hpp"

namespace dbmigrate::json_document {
namespace {

// A snapshot nests six deep.
constexpr std::size_t max_depth = 64;

class Builder {
 public:
  Builder(std::string_view text, std::string_view origin, std::string_view member,
          const ElementHandler& handler)
      : text_(text), origin_(origin), member_(member), handler_(handler) {}

  Value take_document() { return std::move(root_); }

  // --- nlohmann's SAX interface --------------------------------------------------------------
  bool null() { return completed(place(Value(nullptr))); }
  bool boolean(bool value) { return completed(place(Value(value))); }
  bool number_integer(Value::number_integer_t value) { return completed(place(Value(value))); }
  bool number_unsigned(Value::number_unsigned_t value) {
    if (value <= static_cast<Value::number_unsigned_t>(std::numeric_limits<std::int64_t>::max())) {
      return number_integer(static_cast<Value::number_integer_t>(value));
    }
    return number_float(static_cast<Value::number_float_t>(value), {});
  }
  bool number_float(Value::number_float_t value, const Value::string_t& /*text*/) {
    return completed(place(Value(value)));
  }
  bool string(Value::string_t& value) { return completed(place(Value(std::move(value)))); }
  bool binary(Value::binary_t& /*value*/) { return false; }  // JSON text holds none
  bool start_object(std::size_t /*size*/) {
    Value object = Value::object();
    // Room for a snapshot object's members: growing the vector would copy their keys.
    object.get_ref<Value::object_t&>().reserve(12);
    return open(std::move(object));
  }
  bool start_array(std::size_t /*size*/) { return open(Value::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(Value::string_t& name) {
    Frame& frame = frames_.back();
    if (frame.container->contains(name)) {
      fail(join(path(), name), "member written twice; keep one of them");
    }
    frame.key = std::move(name);
    frame.awaiting_value = true;
    return true;
  }

  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& error) {
    // The lexer refuses a string that is not UTF-8: say where it is, as the snapshot checks do.
    if (token.starts_with('"')) {
      if (const auto bad = invalid_utf8_at(token)) not_utf8(token, *bad);
    }
    fail_syntax(position > 0 ? position - 1 : 0, what_of(error.what()));
  }

  // Before parsing: nlohmann's reader skips a UTF-8 byte order mark, which a snapshot never has.
  void refuse_byte_order_mark() const {
    if (text_.starts_with("\xEF\xBB\xBF")) fail_syntax(0, "expected a value");
  }

 private:
  struct Frame {
    Value* container;
    std::string key;              // objects: the member whose value is being read
    bool awaiting_value = false;  // objects: `key` is read, its value not yet complete
    std::size_t count = 0;        // values completed in it: an array's next index
    bool streamed = false;        // its elements go to handler_
  };

  // Puts a new value where the document is at; returns where it now lives. A container's
  // elements stay in place while a child of theirs is open: only the innermost grows.
  Value* place(Value&& value) {
    if (frames_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Frame& frame = frames_.back();
    if (frame.container->is_object()) {
      Value& slot = (*frame.container)[frame.key];
      slot = std::move(value);
      return &slot;
    }
    frame.container->push_back(std::move(value));
    return &frame.container->back();
  }

  bool open(Value&& container) {
    if (frames_.size() >= max_depth) fail(path(), "nested too deeply");
    const bool streamed = frames_.size() == 1 && frames_.front().container->is_object() &&
                          container.is_array() && frames_.front().key == member_;
    Value* placed = place(std::move(container));
    frames_.push_back(Frame{.container = placed, .streamed = streamed});
    return true;
  }

  bool close() {
    Value* done = frames_.back().container;
    frames_.pop_back();
    return completed(done);
  }

  // `value` is complete in the innermost container: a streamed element goes to the handler.
  bool completed(Value* value) {
    if (frames_.empty()) return true;  // the whole document
    Frame& frame = frames_.back();
    frame.awaiting_value = false;
    if (frame.streamed && handler_(root_, frame.count, *value)) {
      frame.container->get_ref<Value::array_t&>().pop_back();  // taken: the document drops it
    }
    ++frame.count;
    return true;
  }

  // The JSON path of the value being parsed, as the snapshot reader spells it.
  [[nodiscard]] std::string path() const {
    std::string out;
    for (std::size_t i = 0; i < frames_.size(); ++i) {
      const Frame& frame = frames_[i];
      const bool innermost = i + 1 == frames_.size();
      if (frame.container->is_array()) {
        out += fmt::format("[{}]", frame.count);
      } else if (!innermost || frame.awaiting_value) {
        out = join(out, frame.key);
      }
    }
    return out;
  }

  static std::string join(const std::string& path, std::string_view key) {
    // A key is any JSON string: a NUL or a newline in it must not cut the message.
    const std::string printable = printable_line(key);
    return path.empty() ? printable : fmt::format("{}.{}", path, printable);
  }

  [[noreturn]] void fail(const std::string& path, std::string_view what) const {
    const std::string_view where = path.empty() ? "(document)" : std::string_view(path);
    if (origin_.empty()) throw Error(ErrorKind::input, fmt::format("{}: {}", where, what));
    throw Error(ErrorKind::input, fmt::format("{}: {}: {}", origin_, where, what));
  }

  // `token` is the string read so far, its opening quote first; `bad` the offset of the byte
  // that is not UTF-8. The offset given is the decoded string's, as the snapshot checks give it.
  [[noreturn]] void not_utf8(const std::string& token, std::size_t bad) const {
    std::size_t offset = bad - 1;
    try {
      offset = Value::parse(token.substr(0, bad) + '"').get_ref<const std::string&>().size();
    } catch (const nlohmann::json::exception&) {
      // the raw offset, then
    }
    fail(path(), fmt::format("not valid UTF-8 (byte 0x{:02X} at offset {}); write names and SQL "
                             "text in UTF-8",
                             static_cast<unsigned char>(token[bad]), offset));
  }

  [[noreturn]] void fail_syntax(std::size_t offset, std::string_view what) const {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw Error(ErrorKind::input,
                fmt::format("{}: not valid JSON at line {}, column {}: {}",
                            origin_.empty() ? "snapshot" : origin_, line, column, what));
  }

  // nlohmann's message without its own prefix and position:
  // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
  static std::string_view what_of(std::string_view message) {
    const auto column = message.find(", column ");
    if (column == std::string_view::npos) return message;
    const auto colon = message.find(": ", column);
    return colon == std::string_view::npos ? message : message.substr(colon + 2);
  }

  std::string_view text_;
  std::string_view origin_;
  std::string_view member_;
  const ElementHandler& handler_;
  Value root_;
  std::vector<Frame> frames_;  // the open containers, outermost first
};

}  // namespace

Value parse(std::string_view text, std::string_view origin, std::string_view member,
            const ElementHandler& handler) {
  Builder builder(text, origin, member, handler);
  builder.refuse_byte_order_mark();
  // Strict: the whole text is one document, without comments.
  (void)Value::sax_parse(text.begin(), text.end(), &builder, nlohmann::json::input_format_t::json,
                         true, false);
  return builder.take_document();
}

}  // namespace dbmigrate::json_document
