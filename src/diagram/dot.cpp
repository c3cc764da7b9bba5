// The Graphviz DOT writer. Nodes are named t0, t1, ... by table position, so that no table name
// is ever a DOT identifier; names are shown in HTML-like labels, escaped as XML text, and edge
// labels are DOT strings with `"` and `\` escaped.
#include <fmt/format.h>

#include "dbmigrate/diagram.hpp"
#include "diagram/diagram_model.hpp"

namespace dbmigrate {
namespace {

// XML text: the markup characters as entities; tab and line ends as character references;
// other control characters, which XML cannot hold, as U+FFFD.
std::string html_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto code = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t':
      case '\n':
      case '\r': out += fmt::format("&#{};", code); break;
      default: out += code < 0x20 || code == 0x7f ? std::string("&#65533;") : std::string(1, c);
    }
  }
  return out;
}

// A DOT string, which Graphviz reads with its own escapes (`\n`, `\l`, `\N` ...): `\` and `"`
// escaped, line ends as `\n`.
std::string dot_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out + "\"";
}

// An edge leaves a referencing column from the right side of its last cell (port kN) and enters
// a referenced column at the left of its first (port cN), so that it runs between the tables.
std::string from_port(std::size_t table, const std::optional<std::size_t>& column) {
  return column ? fmt::format("t{}:k{}:e", table, *column) : fmt::format("t{}", table);
}
std::string to_port(std::size_t table, const std::optional<std::size_t>& column) {
  return column ? fmt::format("t{}:c{}:w", table, *column) : fmt::format("t{}", table);
}

}  // namespace

std::string dot_diagram(const Snapshot& snapshot) {
  const auto drawing = diagram::drawing_of(snapshot);
  std::string out =
      "digraph schema {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
      "  node [shape=plaintext, fontname=\"Helvetica\", fontsize=10];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9, arrowhead=normal];\n";
  for (std::size_t t = 0; t < drawing.tables.size(); ++t) {
    const auto& table = drawing.tables[t];
    out += fmt::format(
        "  t{} [label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" "
        "cellpadding=\"4\">\n"
        "    <tr><td colspan=\"3\" bgcolor=\"#dde4ee\"><b>{}</b></td></tr>\n",
        t, html_text(table.name));
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const auto& column = table.columns[c];
      out += fmt::format(
          "    <tr><td port=\"c{}\" align=\"left\">{}</td><td align=\"left\">{}</td>"
          "<td port=\"k{}\">{}</td></tr>\n",
          c, html_text(column.name), html_text(column.type), c, html_text(column.keys));
    }
    out += "  </table>>];\n";
  }
  // A table the snapshot lacks but a foreign key names: a plain box, so that the edge shows.
  std::size_t missing = drawing.tables.size();
  for (const auto& edge : drawing.edges) {
    std::string to;
    if (edge.to) {
      to = to_port(*edge.to, edge.to_column);
    } else {
      to = fmt::format("t{}", missing++);
      out += fmt::format("  {} [shape=box, style=dashed, label={}];\n", to,
                         dot_string(edge.to_name));
    }
    out += fmt::format("  {} -> {} [label={}];\n", from_port(edge.from, edge.from_column), to,
                       dot_string(edge.label));
  }
  return out + "}\n";
}

}  // namespace dbmigrate
