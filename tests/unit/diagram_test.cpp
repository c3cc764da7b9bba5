// The diagram writers on snapshots built in code: the exact Mermaid and DOT text of a small
// schema, and names that would break either syntax if they were written as they are.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "dbmigrate/diagram.hpp"

namespace dbmigrate {
namespace {

Column column(std::string name, std::string type, bool nullable = true) {
  Column out;
  out.name = std::move(name);
  out.type = std::move(type);
  out.nullable = nullable;
  return out;
}

// authors(id PK, name UNIQUE), books(id PK, author_id NOT NULL -> authors ON DELETE CASCADE,
// editor_id -> authors(id)).
Snapshot library() {
  Table authors;
  authors.name = "authors";
  authors.columns = {column("id", "integer", false), column("name", "varchar(80)", false)};
  authors.primary_key = {"id"};
  authors.uniques = {{std::nullopt, {"name"}, {}}};
  Table books;
  books.name = "books";
  books.columns = {column("id", "integer", false), column("author_id", "integer", false),
                   column("editor_id", "integer"), column("price", "numeric(10,2)")};
  books.primary_key = {"id"};
  ForeignKey by_author;
  by_author.columns = {"author_id"};
  by_author.ref_table = "authors";
  by_author.ref_columns = {"id"};
  by_author.on_delete = ReferentialAction::cascade;
  ForeignKey by_editor;
  by_editor.columns = {"editor_id"};
  by_editor.ref_table = "authors";
  by_editor.ref_columns = {"id"};
  by_editor.on_update = ReferentialAction::set_null;
  books.foreign_keys = {by_author, by_editor};
  Snapshot snapshot;
  snapshot.tables = {authors, books};
  snapshot.normalize();
  return snapshot;
}

TEST(Diagram, Mermaid_TablesKeysAndLabelledEdges) {
  EXPECT_EQ(mermaid_diagram(library()),
            "erDiagram\n"
            "    \"authors\" {\n"
            "        integer id PK\n"
            "        varchar(80) name UK\n"
            "    }\n"
            "    \"books\" {\n"
            "        integer id PK\n"
            "        integer author_id FK\n"
            "        integer editor_id FK\n"
            "        numeric(10_2) price \"price numeric(10,2)\"\n"
            "    }\n"
            "    \"authors\" ||--o{ \"books\" : \"author_id -> id ON DELETE CASCADE\"\n"
            "    \"authors\" |o--o{ \"books\" : \"editor_id -> id ON UPDATE SET NULL\"\n");
}

TEST(Diagram, Dot_OneNodePerTableAndEdgesBetweenColumns) {
  const auto dot = dot_diagram(library());
  EXPECT_EQ(dot.rfind("digraph schema {\n", 0), 0u) << dot;
  EXPECT_NE(dot.find("  t0 [label=<<table"), std::string::npos) << dot;
  EXPECT_NE(dot.find("<b>authors</b>"), std::string::npos) << dot;
  EXPECT_NE(dot.find("<tr><td port=\"c1\" align=\"left\">name</td><td align=\"left\">varchar(80)"
                     "</td><td port=\"k1\">UK</td></tr>"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("  t1:k1:e -> t0:c0:w [label=\"author_id -> id ON DELETE CASCADE\"];\n"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("  t1:k2:e -> t0:c0:w [label=\"editor_id -> id ON UPDATE SET NULL\"];\n"),
            std::string::npos)
      << dot;
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
}

TEST(Diagram, SameSnapshotSameBytes) {
  EXPECT_EQ(mermaid_diagram(library()), mermaid_diagram(library()));
  EXPECT_EQ(dot_diagram(library()), dot_diagram(library()));
  EXPECT_EQ(mermaid_diagram(Snapshot{}), "erDiagram\n");
}

// Names with every character that ends or opens something in either syntax.
Snapshot hostile() {
  Table parent;
  parent.name = "we\"ird {x} <y> % \\ #1;";
  parent.columns = {column("a b\"c", "integer", false), column("pk", "text"),
                    column("9lives", "text"), column("new\nline", "text")};
  parent.primary_key = {"a b\"c"};
  Table child;
  child.name = "child's [t]";
  child.columns = {column("ref\"", "integer")};
  ForeignKey key;
  key.columns = {"ref\""};
  key.ref_table = parent.name;
  key.ref_columns = {"a b\"c"};
  child.foreign_keys = {key};
  Snapshot snapshot;
  snapshot.tables = {parent, child};
  snapshot.normalize();
  return snapshot;
}

// Each line is one of the forms Mermaid's erDiagram grammar reads: a quoted entity name holds
// no `"`, `%`, `\` or line end; an attribute is two bare words, keys, an optional comment.
TEST(Diagram, Mermaid_HostileNamesKeepTheSyntax) {
  const auto text = mermaid_diagram(hostile());
  const std::string entity = R"("[^"%\\\r\n\v\b]+")";
  const std::string word = R"([A-Za-z_][A-Za-z0-9_()]*)";
  const std::regex line_forms(
      "erDiagram|    " + entity + R"( \{|    \}|        )" + word + " " + word +
      R"(( (PK|FK|UK)(, (PK|FK|UK))*)?( "[^"\r\n]*")?|    )" + entity +
      R"( (\|\||\|o)--o\{ )" + entity + R"( : "[^"\r\n]*")");
  std::istringstream lines(text);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    EXPECT_TRUE(std::regex_match(line, line_forms)) << "line: " << line << "\nin:\n" << text;
    // No attribute word may read as a key (Mermaid's lexer tries PK, FK, UK first).
    EXPECT_FALSE(std::regex_search(line, std::regex(R"(^        \S+ (pk|PK|fk|uk)( |$))")))
        << line;
  }
  EXPECT_EQ(count, 11) << text;
  // The names survive, as Mermaid's character codes.
  EXPECT_NE(text.find("\"child's [t]\" {"), std::string::npos) << text;
  EXPECT_NE(text.find("\"we#34;ird {x} <y> #37; #92; #35;1;\" {"), std::string::npos) << text;
  EXPECT_NE(text.find("        integer a_b_c PK \"a b#34;c integer\"\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("        text _pk \"pk text\"\n"), std::string::npos) << text;
  EXPECT_NE(text.find("        text _9lives \"9lives text\"\n"), std::string::npos) << text;
  EXPECT_NE(text.find("        text new_line \"new#10;line text\"\n"), std::string::npos) << text;
}

TEST(Diagram, Dot_HostileNamesAreEscaped) {
  const auto dot = dot_diagram(hostile());
  EXPECT_NE(dot.find("<b>we&quot;ird {x} &lt;y&gt; % \\ #1;</b>"), std::string::npos) << dot;
  EXPECT_NE(dot.find(">new&#10;line</td>"), std::string::npos) << dot;
  EXPECT_NE(dot.find("<b>child&#39;s [t]</b>"), std::string::npos) << dot;
  EXPECT_NE(dot.find("[label=\"ref\\\" -> a b\\\"c\"]"), std::string::npos) << dot;
  // No name reaches the DOT text outside a label: nodes are t0, t1.
  EXPECT_EQ(dot.find("\"we"), std::string::npos) << dot;
}

}  // namespace
}  // namespace dbmigrate
