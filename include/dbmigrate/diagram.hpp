// Pictures of a schema: an entity-relationship diagram of a snapshot's tables (columns with their
// types, primary, foreign and unique keys, one edge per foreign key labelled with its columns and
// actions), as Mermaid or Graphviz DOT text (docs/diagrams.md). Deterministic: the same snapshot
// gives the same bytes. Every name is escaped, so that no table or column name can break the
// syntax.
#pragma once

#include <string>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {

// `erDiagram` text, as GitHub and GitLab render in Markdown.
[[nodiscard]] std::string mermaid_diagram(const Snapshot& snapshot);

// A `digraph` for Graphviz (`dot -Tsvg`): one HTML-like table per table, foreign keys from the
// referencing column to the referenced one.
[[nodiscard]] std::string dot_diagram(const Snapshot& snapshot);

}  // namespace dbmigrate
