// An unknown command or option named with the nearest known one, as ninja does for an unknown
// target: CLI11 alone answers `dbmigrate upgarde` with "A subcommand is required".
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace dbmigrate::cli {

// After `app.parse` failed: the message for the first argument no command or option took
// ("unknown command 'upgarde': did you mean 'upgrade'?"), or nullopt when the failure was
// another one (a missing value, an extra positional argument), which CLI11 words well.
[[nodiscard]] std::optional<std::string> unknown_argument_message(const CLI::App& app);

}  // namespace dbmigrate::cli
