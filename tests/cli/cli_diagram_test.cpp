// `snapshot --format mermaid|dot` through the binary: the same diagram from every kind of
// snapshot source (a .sql model, a live SQLite database, a git revision), DOT that Graphviz
// draws even with names made to break it, and a format it does not know.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

const char* library_sql =
    "CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);\n"
    "CREATE TABLE books (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL,\n"
    "  author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,\n"
    "  editor_id INTEGER REFERENCES authors (id) ON DELETE SET NULL);\n";

const char* library_mermaid =
    "erDiagram\n"
    "    \"authors\" {\n"
    "        integer id PK\n"
    "        text name UK\n"
    "    }\n"
    "    \"books\" {\n"
    "        integer id PK\n"
    "        varchar(200) title\n"
    "        integer author_id FK\n"
    "        integer editor_id FK\n"
    "    }\n"
    "    \"authors\" ||--o{ \"books\" : \"author_id -> id ON DELETE CASCADE\"\n"
    "    \"authors\" |o--o{ \"books\" : \"editor_id -> id ON DELETE SET NULL\"\n";

TEST_F(Cli, Diagram_SameFromEverySource) {
  ASSERT_EQ(run("init").code, 0);
  write("schema.sql", library_sql);
  auto from_model = run("snapshot schema.sql --format mermaid");
  ASSERT_EQ(from_model.code, 0) << from_model.text();
  EXPECT_EQ(from_model.out, library_mermaid);

  ASSERT_EQ(run("migrate -m library --model schema.sql").code, 0);
  ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  EXPECT_EQ(run("snapshot sqlite:///app.db --format mermaid").out, library_mermaid);
  EXPECT_EQ(run("snapshot migrations/schema.json --format mermaid").out, library_mermaid);

  const std::string git =
      "git -c user.name=test -c user.email=test@example.com -c commit.gpgsign=false ";
  ASSERT_EQ(shell("git init -q . && git add schema.sql && " + git + "commit -qm one").code, 0);
  EXPECT_EQ(run("snapshot git:HEAD:schema.sql --format mermaid").out, library_mermaid);

  // The same bytes every time, and the JSON stays the default.
  EXPECT_EQ(run("snapshot sqlite:///app.db --format dot").out, run("snapshot schema.sql --format dot").out);
  EXPECT_EQ(run("snapshot schema.sql").out, run("snapshot schema.sql --format json").out);
}

TEST_F(Cli, Diagram_DotOfHostileNamesIsDrawnByGraphviz) {
  write("schema.sql",
        "CREATE TABLE \"we\"\"ird {x} <y> % \\ #1;\" (\"a b\"\"c\" INTEGER PRIMARY KEY, pk TEXT);\n"
        "CREATE TABLE \"child's [t] -> {}\" (\"ref\"\"\" INTEGER REFERENCES "
        "\"we\"\"ird {x} <y> % \\ #1;\" (\"a b\"\"c\") ON DELETE CASCADE);\n");
  auto drawn = shell("'" DBMIGRATE_CLI "' snapshot schema.sql --format dot > schema.dot && "
                     "dot -Tsvg schema.dot -o schema.svg");
  ASSERT_EQ(drawn.code, 0) << drawn.text() << read("schema.dot");
  const std::string svg = read("schema.svg");
  EXPECT_TRUE(contains(svg, ">we&quot;ird {x} &lt;y&gt; % \\ #1;</text>")) << svg;
  EXPECT_TRUE(contains(svg, ">child&#39;s [t] &#45;&gt; {}</text>")) << svg;
  EXPECT_TRUE(contains(svg, ">a b&quot;c</text>")) << svg;
  EXPECT_TRUE(contains(svg, ">ref&quot; &#45;&gt; a b&quot;c ON DELETE CASCADE</text>")) << svg;
}

TEST_F(Cli, Diagram_UnknownFormatIsRefused) {
  write("schema.sql", library_sql);
  auto refused = run("snapshot schema.sql --format svg");
  EXPECT_EQ(refused.code, 2);
  EXPECT_EQ(refused.out, "");
  EXPECT_TRUE(contains(refused.err, "svg not in {json,mermaid,dot}")) << refused.err;
}

}  // namespace
}  // namespace dbmigrate::cli_test
