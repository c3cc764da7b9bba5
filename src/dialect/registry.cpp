// The dialect registry: built-in dialects first, then whatever a program registers.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/error.hpp"
#include "dialect/builtin_dialects.hpp"

namespace dbmigrate {
namespace {

struct Entry {
  DialectRegistration registration;
  std::unique_ptr<Dialect> instance;  // made on first use; lives as long as the program
};

class Registry {
 public:
  static Registry& instance() {
    static Registry registry;
    return registry;
  }

  void add(DialectRegistration registration) {
    const std::lock_guard lock(mutex_);
    add_locked(std::move(registration));
  }

  const Dialect& named(std::string_view name) {
    const std::lock_guard lock(mutex_);
    for (auto& entry : entries_) {
      if (entry.registration.name == name) return made(entry);
    }
    throw Error(ErrorKind::input, fmt::format("unknown dialect '{}' (this build has: {})", name,
                                              fmt::join(names_locked(), ", ")));
  }

  const Dialect& for_url(std::string_view url, bool bare_paths) {
    const std::lock_guard lock(mutex_);
    const auto scheme_end = url.find("://");
    for (auto& entry : entries_) {
      if (scheme_end == std::string_view::npos && !bare_paths) break;
      const auto& schemes = entry.registration.url_schemes;
      const bool match = scheme_end == std::string_view::npos
                             ? entry.registration.takes_bare_paths
                             : std::find(schemes.begin(), schemes.end(),
                                         url.substr(0, scheme_end)) != schemes.end();
      if (match) return made(entry);
    }
    const auto scheme = url.substr(0, std::min(scheme_end, url.find(':')));
    throw Error(ErrorKind::input,
                fmt::format("unknown database URL scheme '{}' in '{}' (this build of DbMigrate "
                            "takes {})",
                            scheme, masked_url(url), fmt::join(examples_locked(), " or ")));
  }

  std::vector<std::string> names() {
    const std::lock_guard lock(mutex_);
    return names_locked();
  }

 private:
  Registry() {
    register_builtin_dialects(
        [this](DialectRegistration registration) { add_locked(std::move(registration)); });
  }

  void add_locked(DialectRegistration registration) {
    for (const auto& entry : entries_) {
      const auto& taken = entry.registration;
      if (taken.name == registration.name) {
        throw Error(ErrorKind::usage,
                    fmt::format("a dialect named '{}' is registered already", taken.name));
      }
      for (const auto& scheme : registration.url_schemes) {
        if (std::find(taken.url_schemes.begin(), taken.url_schemes.end(), scheme) !=
            taken.url_schemes.end()) {
          throw Error(
              ErrorKind::usage,
              fmt::format("URL scheme '{}' belongs to dialect '{}' already", scheme, taken.name));
        }
      }
      if (taken.takes_bare_paths && registration.takes_bare_paths) {
        throw Error(ErrorKind::usage,
                    fmt::format("bare paths belong to dialect '{}' already", taken.name));
      }
    }
    entries_.push_back({.registration = std::move(registration), .instance = nullptr});
  }

  static const Dialect& made(Entry& entry) {
    if (!entry.instance) entry.instance = entry.registration.make();
    return *entry.instance;
  }

  std::vector<std::string> names_locked() const {
    std::vector<std::string> names;
    for (const auto& entry : entries_) names.push_back(entry.registration.name);
    std::sort(names.begin(), names.end());
    return names;
  }

  std::vector<std::string> examples_locked() const {
    std::vector<std::string> examples;
    for (const auto& entry : entries_) examples.push_back(entry.registration.url_example);
    return examples;
  }

  std::mutex mutex_;
  std::vector<Entry> entries_;  // std::vector of unique_ptr-holding entries: references stay
};

}  // namespace

void register_dialect(DialectRegistration registration) {
  Registry::instance().add(std::move(registration));
}

const Dialect& dialect_named(std::string_view name) {
  return Registry::instance().named(name);
}

const Dialect& dialect_for_url(std::string_view url, bool bare_paths) {
  return Registry::instance().for_url(url, bare_paths);
}

const Dialect& default_dialect() {
  return dialect_named("sqlite");
}

std::vector<std::string> dialect_names() {
  return Registry::instance().names();
}

}  // namespace dbmigrate
