// A strict JSON parser (RFC 8259): no comments, no trailing commas, UTF-8 passed through,
// \u escapes (with surrogate pairs) encoded as UTF-8. Iterative over nesting, and nesting
// is limited, so that a hostile document cannot overflow the stack.
#include "snapshot/json_value.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

#include "dbmigrate/error.hpp"

namespace dbmigrate::json_doc {

const Value* Value::find(std::string_view key) const {
  for (const auto& [name, value] : members) {
    if (name == key) return &value;
  }
  return nullptr;
}

namespace {

class Parser {
 public:
  static constexpr std::size_t max_depth = 64;

  Parser(std::string_view text, std::string_view origin, std::string_view member = {},
         const ElementHandler* handler = nullptr)
      : text_(text), origin_(origin), member_(member), handler_(handler) {}

  Value document() {
    Value root;
    // Each open container and, for objects, the key its next value goes under.
    std::vector<Value*> stack;
    Value* slot = &root;
    while (true) {
      skip_space();
      value_into(*slot);
      if (slot->type == Value::Type::array || slot->type == Value::Type::object) {
        // value_into left us just after '[' or '{'.
        skip_space();
        char close = slot->type == Value::Type::array ? ']' : '}';
        if (peek() == close) {
          ++at_;  // empty: complete at once
        } else {
          // A snapshot nests six deep; a limit keeps a hostile document from building a tree
          // whose destruction would recurse too deep.
          if (stack.size() >= max_depth) fail("nested too deeply");
          if (handler_ != nullptr && stack.size() == 1 && slot->type == Value::Type::array &&
              stack.front()->type == Value::Type::object && stack.front()->members.back().name == member_) {
            streamed_ = slot;
          }
          stack.push_back(slot);
          slot = open_slot(*stack.back());
          continue;
        }
      }
      // A value is complete: continue the enclosing container or close it.
      while (true) {
        if (stack.empty()) {
          skip_space();
          if (at_ != text_.size()) fail("unexpected text after the document");
          return root;
        }
        Value& container = *stack.back();
        if (&container == streamed_ && (*handler_)(root, streamed_count_, container.items.back())) {
          container.items.pop_back();  // taken: the document does not keep it
        }
        if (&container == streamed_) ++streamed_count_;
        skip_space();
        char close = container.type == Value::Type::array ? ']' : '}';
        if (peek() == ',') {
          ++at_;
          slot = open_slot(container);
          break;
        }
        if (peek() == close) {
          ++at_;
          // Once closed, the streamed array may move with its parent's members (a vector that
          // grows): another container can then be allocated where it was.
          if (&container == streamed_) streamed_ = nullptr;
          stack.pop_back();
          continue;
        }
        fail(fmt::format("expected ',' or '{}'", close));
      }
    }
  }

 private:
  Value* open_slot(Value& container) {
    skip_space();
    if (container.type == Value::Type::array) return &container.items.emplace_back();
    if (peek() != '"') fail("expected a member name in double quotes");
    std::string key = string_literal();
    if (container.find(key)) fail(fmt::format("duplicate member '{}'", key));
    skip_space();
    if (peek() != ':') fail("expected ':'");
    ++at_;
    skip_space();
    return &container.members.emplace_back(Member{std::move(key), Value{}}).value;
  }

  void value_into(Value& value) {
    char c = peek();
    if (c == '{') {
      ++at_;
      value.type = Value::Type::object;
    } else if (c == '[') {
      ++at_;
      value.type = Value::Type::array;
    } else if (c == '"') {
      value.type = Value::Type::string;
      value.string = string_literal();
    } else if (c == 't' || c == 'f' || c == 'n') {
      literal(value);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      number(value);
    } else {
      fail(at_ >= text_.size() ? "unexpected end of input" : "expected a value");
    }
  }

  void literal(Value& value) {
    for (auto [word, type, flag] : {std::tuple{"true", Value::Type::boolean, true},
                                    std::tuple{"false", Value::Type::boolean, false},
                                    std::tuple{"null", Value::Type::null, false}}) {
      if (text_.substr(at_).starts_with(word)) {
        at_ += std::string_view(word).size();
        value.type = type;
        value.boolean = flag;
        return;
      }
    }
    fail("expected a value");
  }

  void number(Value& value) {
    std::size_t start = at_;
    if (peek() == '-') ++at_;
    if (peek() == '0') {
      ++at_;
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') ++at_;
    } else {
      fail("expected a digit");
    }
    bool integral = true;
    if (peek() == '.') {
      integral = false;
      ++at_;
      if (!(peek() >= '0' && peek() <= '9')) fail("expected a digit after '.'");
      while (peek() >= '0' && peek() <= '9') ++at_;
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      ++at_;
      if (peek() == '+' || peek() == '-') ++at_;
      if (!(peek() >= '0' && peek() <= '9')) fail("expected a digit in the exponent");
      while (peek() >= '0' && peek() <= '9') ++at_;
    }
    std::string_view digits = text_.substr(start, at_ - start);
    if (integral) {
      auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value.integer);
      if (result.ec == std::errc()) {
        value.type = Value::Type::integer;
        return;
      }
    }
    value.type = Value::Type::number;
    value.number = std::strtod(std::string(digits).c_str(), nullptr);
  }

  std::string string_literal() {
    ++at_;  // the opening quote
    std::string out;
    while (true) {
      std::size_t run = at_;
      while (at_ < text_.size() && text_[at_] != '"' && text_[at_] != '\\' &&
             static_cast<unsigned char>(text_[at_]) >= 0x20) {
        ++at_;
      }
      out.append(text_.substr(run, at_ - run));
      if (at_ >= text_.size()) fail("unterminated string");
      char c = text_[at_++];
      if (c == '"') return out;
      if (c != '\\') fail("control character in string");
      if (at_ >= text_.size()) fail("unterminated string");
      char e = text_[at_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': append_utf8(out, code_point()); break;
        default: fail("unknown escape in string");
      }
    }
  }

  unsigned hex4() {
    if (at_ + 4 > text_.size()) fail("short \\u escape");
    unsigned value = 0;
    auto result = std::from_chars(text_.data() + at_, text_.data() + at_ + 4, value, 16);
    if (result.ptr != text_.data() + at_ + 4) fail("bad \\u escape");
    at_ += 4;
    return value;
  }

  unsigned code_point() {
    unsigned high = hex4();
    if (high < 0xD800 || high > 0xDFFF) return high;
    if (high > 0xDBFF || !text_.substr(at_).starts_with("\\u")) fail("unpaired surrogate in \\u escape");
    at_ += 2;
    unsigned low = hex4();
    if (low < 0xDC00 || low > 0xDFFF) fail("unpaired surrogate in \\u escape");
    return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  void skip_space() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t')) {
      ++at_;
    }
  }

  [[noreturn]] void fail(std::string_view what) const {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < at_ && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw Error(ErrorKind::input, fmt::format("{}: not valid JSON at line {}, column {}: {}",
                                              origin_.empty() ? "snapshot" : origin_, line, column, what));
  }

  std::string_view text_;
  std::string_view origin_;
  std::string_view member_;
  const ElementHandler* handler_;
  Value* streamed_ = nullptr;  // the array whose elements go to handler_
  std::size_t streamed_count_ = 0;
  std::size_t at_ = 0;
};

}  // namespace

Value parse(std::string_view text, std::string_view origin) { return Parser(text, origin).document(); }

Value parse(std::string_view text, std::string_view origin, std::string_view member, const ElementHandler& handler) {
  return Parser(text, origin, member, &handler).document();
}

}  // namespace dbmigrate::json_doc
