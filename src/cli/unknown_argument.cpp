// Reads what CLI11 left unparsed: with `fallthrough`, an option no command knows ends up in
// the top-level app's leftovers, a word that is no command too.
#include "cli/unknown_argument.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "cli/nearest_name.hpp"

namespace dbmigrate::cli {
namespace {

// As ninja's spelling suggestions, three edits at most; fewer for a short word, where three
// edits make any word of its length ("frob" is not "show").
std::size_t max_suggestion_distance(std::string_view typed) {
  return std::clamp<std::size_t>(typed.size() / 3, 1, 3);
}

void add_option_names(const CLI::App& app, std::vector<std::string>& names) {
  for (const CLI::Option* option : app.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    for (const auto& name : option->get_snames()) names.push_back("-" + name);
  }
}

std::string suggestion(const std::optional<std::string>& nearest) {
  return nearest ? fmt::format(": did you mean '{}'?", *nearest) : std::string();
}

}  // namespace

std::optional<std::string> unknown_argument_message(const CLI::App& app) {
  const std::vector<std::string> left = app.remaining(true);
  const auto chosen = app.get_subcommands();
  const CLI::App* command = chosen.empty() ? nullptr : chosen.front();
  for (const auto& argument : left) {
    if (argument.size() > 1 && argument.starts_with('-') && argument != "--") {
      const std::string typed = argument.substr(0, argument.find('='));
      std::vector<std::string> names;
      add_option_names(app, names);
      if (command != nullptr) add_option_names(*command, names);
      const std::string help = command != nullptr
                                   ? fmt::format("dbmigrate {} --help", command->get_name())
                                   : std::string("dbmigrate --help");
      return fmt::format("unknown option '{}'{}{} (see '{}')", typed,
                         command != nullptr ? fmt::format(" for '{}'", command->get_name()) : "",
                         suggestion(nearest_name(typed, names, max_suggestion_distance(typed))),
                         help);
    }
    if (command == nullptr) {
      std::vector<std::string> commands;
      for (const CLI::App* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
      const auto nearest = nearest_name(argument, commands, max_suggestion_distance(argument));
      return fmt::format(
          "unknown command '{}'{} (see 'dbmigrate --help'{})", argument, suggestion(nearest),
          nearest ? "" : fmt::format("; the commands are {}", fmt::join(commands, ", ")));
    }
  }
  return std::nullopt;
}

}  // namespace dbmigrate::cli
