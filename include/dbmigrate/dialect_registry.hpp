// Which dialects this build has, and choosing one: by the name in dbmigrate.json (`dialect`) or
// in a revision's `-- Dialect:` header, or by a database URL's scheme (docs/architecture.md,
// "Adding a dialect").
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/dialect.hpp"

namespace dbmigrate {

struct DialectRegistration {
  std::string name;                      // as Dialect::name() says it
  std::vector<std::string> url_schemes;  // "sqlite" for sqlite:///app.db
  std::string url_example;               // shown when a URL names no dialect: "sqlite:///app.db"
  // Whether a location without a scheme (a path, `:memory:`, `file:app.db`) is this dialect's.
  bool takes_bare_paths = false;
  std::function<std::unique_ptr<Dialect>()> make;
};

// Adds a dialect; throws Error(usage) when its name or one of its schemes is taken. The built-in
// dialects are registered before the first lookup.
void register_dialect(DialectRegistration registration);

// The dialect of that name; throws Error(input) naming the dialects this build has.
[[nodiscard]] const Dialect& dialect_named(std::string_view name);

// The dialect a database URL (`scheme://...`) is for; throws Error(input) for a scheme no dialect
// takes, and for a location without a scheme unless `bare_paths` (then the dialect that takes
// bare paths), naming the URL with its password masked and the URLs this build takes.
[[nodiscard]] const Dialect& dialect_for_url(std::string_view url, bool bare_paths = false);

// The dialect of a project that names none: SQLite, the embedded default.
[[nodiscard]] const Dialect& default_dialect();

// The names of the registered dialects, sorted.
[[nodiscard]] std::vector<std::string> dialect_names();

// The URL with its password (user:password@, ?password=) shown as ***: for every message.
[[nodiscard]] std::string masked_url(std::string_view url);

}  // namespace dbmigrate
