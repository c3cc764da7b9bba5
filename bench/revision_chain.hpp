// A generated history for the command-line benchmarks: a chain of small revisions, each adding
// a table or a column to the table before it.
#pragma once

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "dbmigrate/revision.hpp"

namespace dbmigrate::bench {

// Writes `count` revisions into `versions`; returns the id of the last (the head).
inline std::string write_chain(const std::filesystem::path& versions, int count) {
  std::filesystem::create_directories(versions);
  std::string parent;
  for (int i = 0; i < count; ++i) {
    Revision revision;
    revision.id = fmt::format("{:012x}", 0xa00000 + i);
    if (!parent.empty()) revision.parents = {parent};
    revision.create_date = "2026-11-27 10:00:00+00:00";
    if (i % 2 == 0) {
      revision.message = fmt::format("add table t{}", i);
      revision.upgrade_sql = fmt::format(
          "CREATE TABLE t{} (\n    id INTEGER NOT NULL,\n    name TEXT,\n    PRIMARY KEY (id)\n);", i);
      revision.downgrade_sql =
          fmt::format("-- WARNING: drops table 't{}' and every row in it\nDROP TABLE t{};", i, i);
    } else {
      revision.message = fmt::format("add column t{}.extra", i - 1);
      revision.upgrade_sql = fmt::format("ALTER TABLE t{} ADD COLUMN extra INTEGER;", i - 1);
      revision.downgrade_sql = fmt::format(
          "-- WARNING: drops column 't{}.extra' and its data\nALTER TABLE t{} DROP COLUMN extra;",
          i - 1, i - 1);
    }
    std::ofstream(versions / revision_filename(revision.id, revision.message))
        << format_revision(revision);
    parent = revision.id;
  }
  return parent;
}

}  // namespace dbmigrate::bench
