// Misspelt build-time parameters: DB_TARGTE=base must not downgrade one step on the default
// database. Only the targets ask for this check, so a variable meant for another program never
// breaks `dbmigrate` run by hand.
#include "cli/target_environment.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

#include "cli/nearest_name.hpp"
#include "dbmigrate/error.hpp"

extern char** environ;  // NOLINT: POSIX declares it nowhere

namespace dbmigrate::cli {
namespace {

// A parameter's slip is a letter or two; DATABASE_USER (three from DATABASE_URL) is not one.
constexpr std::size_t max_slip = 2;

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

// The parameter a variable name resembles, if any: compared with each parameter as spelt and
// with its other prefix (DB_URL, DATABASE_TARGET), so that a prefix mix-up is caught too.
std::optional<std::string> resembled_parameter(std::string_view name) {
  std::vector<std::string> spellings;  // two a parameter: as spelt, then with the other prefix
  for (const auto& parameter : target_parameters) {
    spellings.push_back(parameter);
    spellings.push_back(parameter.starts_with("DB_") ? "DATABASE_" + parameter.substr(3)
                                                     : "DB_" + parameter.substr(9));
  }
  const auto nearest = nearest_name(upper(name), spellings, max_slip);
  if (!nearest) return std::nullopt;
  const auto at = std::find(spellings.begin(), spellings.end(), *nearest) - spellings.begin();
  return target_parameters[static_cast<std::size_t>(at) / 2];
}

}  // namespace

std::vector<std::string> check_target_environment(std::string_view target,
                                                  const std::vector<std::string>& environment) {
  std::vector<std::string> misspelt, ignored;
  for (const auto& entry : environment) {
    const std::string name = entry.substr(0, entry.find('='));
    if (std::find(target_parameters.begin(), target_parameters.end(), name) !=
        target_parameters.end())
      continue;
    const std::string upper_name = upper(name);
    if (const auto parameter = resembled_parameter(name)) {
      // Whatever its prefix: DATABSE_URL does not start with DATABASE.
      misspelt.push_back(
          fmt::format("{}: {} is set in the environment, but the targets do not "
                      "read it: did you mean {}?",
                      target, name, *parameter));
    } else if (upper_name.starts_with("DB_") || upper_name.starts_with("DATABASE")) {
      ignored.push_back(name);
    }
  }
  if (!misspelt.empty()) {
    throw Error(ErrorKind::usage,
                fmt::format("{}\nRename or unset it and run again; the targets read {}.",
                            fmt::join(misspelt, "\n"), fmt::join(target_parameters, ", ")));
  }
  return ignored;
}

std::vector<std::string> process_environment() {
  std::vector<std::string> entries;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry)
    entries.emplace_back(*entry);
  return entries;
}

}  // namespace dbmigrate::cli
