// Backups are found by name only: `<database>.backup-<yyyymmddThhmmssZ>` with an optional
// `-N` when two runs took one in the same second; partial copies (`.partial-backup-`) and
// every other file are never touched.
#include "cli/backup_retention.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace fs = std::filesystem;

namespace dbmigrate::cli {
namespace {

constexpr std::string_view marker = ".backup-";
constexpr std::size_t stamp_length = 16;  // 20261207T153000Z

// The stamp and the counter (1 without one) of a backup name after `prefix`; none for another file.
std::optional<std::pair<std::string, int>> backup_order(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix)) return std::nullopt;
  std::string_view rest = name.substr(prefix.size());
  if (rest.size() < stamp_length) return std::nullopt;
  const std::string_view stamp = rest.substr(0, stamp_length);
  for (std::size_t i = 0; i < stamp_length; ++i) {
    const bool ok = i == 8 ? stamp[i] == 'T' : i == 15 ? stamp[i] == 'Z' : stamp[i] >= '0' && stamp[i] <= '9';
    if (!ok) return std::nullopt;
  }
  rest.remove_prefix(stamp_length);
  int counter = 1;
  if (!rest.empty()) {
    if (rest.front() != '-' || rest.size() == 1) return std::nullopt;
    const auto* end = rest.data() + rest.size();
    const auto parsed = std::from_chars(rest.data() + 1, end, counter);
    if (parsed.ec != std::errc() || parsed.ptr != end) return std::nullopt;
  }
  return std::pair{std::string(stamp), counter};
}

}  // namespace

std::vector<fs::path> remove_old_backups(const fs::path& written, int keep) {
  const std::string name = written.filename().string();
  const auto at = name.rfind(marker);
  if (keep <= 0 || at == std::string::npos) return {};
  const std::string prefix = name.substr(0, at + marker.size());
  const fs::path folder = written.parent_path().empty() ? fs::path(".") : written.parent_path();

  std::vector<std::pair<std::pair<std::string, int>, fs::path>> backups;
  std::error_code error;
  for (fs::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error)) {
    if (!entry->is_regular_file(error)) continue;
    if (auto order = backup_order(entry->path().filename().string(), prefix)) {
      backups.emplace_back(std::move(*order), entry->path());
    }
  }
  std::sort(backups.begin(), backups.end());
  std::vector<fs::path> removed;
  const auto surplus = backups.size() > static_cast<std::size_t>(keep) ? backups.size() - keep : 0;
  for (std::size_t i = 0; i < surplus; ++i) {
    if (fs::remove(backups[i].second, error)) removed.push_back(backups[i].second);
  }
  return removed;
}

}  // namespace dbmigrate::cli
