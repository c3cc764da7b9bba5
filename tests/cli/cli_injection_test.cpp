// Text from a model never runs as SQL nor as a sqlite3-shell command: for each place a model
// holds text (a default, a CHECK, a table, column or index name, an index key, a view or
// trigger body, the -m message) and each hostile text (a newline then SQL, a section marker, a
// shell dot-command, control characters), migrate writes a revision that holds exactly the
// statements the renderer meant, upgrade and downgrade leave the victim table's rows alone,
// the text reads back from the database exactly, check is clean, and the `--sql` script run by
// the sqlite3 shell runs no command.
#include <fmt/format.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.hpp"
#include "dbmigrate/diff.hpp"
#include "dbmigrate/snapshot_json.hpp"
#include "dbmigrate/sqlite.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

// `text` inside `quote`s, the quote doubled: an SQL string literal or quoted name.
std::string quoted(const std::string& text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    out += c;
    if (c == quote) out += c;
  }
  return out + quote;
}
std::string literal(const std::string& text) {
  return quoted(text, '\'');
}
std::string name(const std::string& text) {
  return quoted(text, '"');
}

// A section's statements as SQLite cuts them (sqlite3_complete), each without the comments and
// blanks before it.
Lines statements_of(const std::string& section) {
  Lines out;
  auto add = [&](std::string_view statement) {
    while (true) {
      const auto start = statement.find_first_not_of(" \t\r\n");
      if (start == std::string_view::npos) return;
      statement.remove_prefix(start);
      if (!statement.starts_with("--")) break;
      const auto end = statement.find('\n');
      if (end == std::string_view::npos) return;
      statement.remove_prefix(end + 1);
    }
    out.emplace_back(statement.substr(0, statement.find_last_not_of(" \t\r\n") + 1));
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < section.size(); ++i) {
    if (section[i] != ';') continue;
    const std::string candidate = section.substr(start, i + 1 - start);
    if (sqlite3_complete(candidate.c_str()) == 0) continue;
    add(candidate);
    start = i + 1;
  }
  add(std::string_view(section).substr(start));
  return out;
}

// The statements a rendered script means, as a revision section holds them.
Lines intended(const SqlScript& script) {
  Lines out;
  if (script.needs_foreign_keys_off) out.emplace_back("PRAGMA foreign_keys=OFF;");
  for (const auto& statement : script.statements) out.push_back(statement.sql);
  return out;
}

// Characters that move a terminal's cursor or change its state (a newline aside).
bool has_control_characters(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\n') || byte == 0x7f;
  });
}

// One place where a model holds text: the model before and after a change that puts the text
// into the upgrade's comments, and a query whose single value must then read back as `expect`.
struct Place {
  const char* name;
  std::string (*before)(const std::string& text);
  std::string (*after)(const std::string& text);
  std::string (*query)(const std::string& text);
  std::string (*expect)(const std::string& text);
  bool in_message = false;
};

const Place places[] = {
    {"Default",
     [](const std::string&) -> std::string {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT DEFAULT 'plain');";
     },
     [](const std::string& text) {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT DEFAULT " + literal("x" + text) +
              ");";
     },
     // The default's value itself, read through a row that takes it.
     [](const std::string&) -> std::string {
       return "INSERT INTO t (id) VALUES (100) RETURNING c";
     },
     [](const std::string& text) { return "x" + text; }},
    {"Check",
     [](const std::string&) -> std::string {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT);";
     },
     [](const std::string& text) {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT, CHECK (c <> " + literal("x" + text) +
              "));";
     },
     [](const std::string& text) {
       return "SELECT count(*) FROM sqlite_schema WHERE name = 't' AND instr(sql, " +
              literal(literal("x" + text)) + ") > 0";
     },
     [](const std::string&) -> std::string { return "1"; }},
    {"TableName",
     [](const std::string& text) {
       return "CREATE TABLE " + name("t" + text) + " (id INTEGER PRIMARY KEY, c TEXT);";
     },
     [](const std::string& text) {
       return "CREATE TABLE " + name("t" + text) + " (id INTEGER PRIMARY KEY, c INTEGER);";
     },
     [](const std::string& text) {
       return "SELECT type FROM pragma_table_info(" + literal("t" + text) + ") WHERE name = 'c'";
     },
     [](const std::string&) -> std::string { return "INTEGER"; }},
    {"ColumnName",
     [](const std::string& text) {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, " + name("c" + text) + " TEXT);";
     },
     [](const std::string& text) {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, " + name("c" + text) + " INTEGER);";
     },
     [](const std::string& text) {
       return "SELECT type FROM pragma_table_info('t') WHERE name = " + literal("c" + text);
     },
     [](const std::string&) -> std::string { return "INTEGER"; }},
    {"IndexName",
     [](const std::string&) -> std::string {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT);";
     },
     [](const std::string& text) {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT);\nCREATE UNIQUE INDEX " +
              name("i" + text) + " ON t (c);";
     },
     [](const std::string& text) {
       return "SELECT tbl_name FROM sqlite_schema WHERE type = 'index' AND name = " +
              literal("i" + text);
     },
     [](const std::string&) -> std::string { return "t"; }},
    {"IndexKey",
     [](const std::string&) -> std::string {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT);";
     },
     [](const std::string& text) {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT);\nCREATE UNIQUE INDEX ix ON t (c, "
              "(c || " +
              literal("x" + text) + "));";
     },
     [](const std::string& text) {
       return "SELECT count(*) FROM sqlite_schema WHERE name = 'ix' AND instr(sql, " +
              literal(literal("x" + text)) + ") > 0";
     },
     [](const std::string&) -> std::string { return "1"; }},
    {"ViewBody",
     [](const std::string&) -> std::string {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT);";
     },
     [](const std::string& text) {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT);\nCREATE VIEW v AS SELECT " +
              literal("x" + text) + " AS x;";
     },
     [](const std::string&) -> std::string { return "SELECT x FROM v"; },
     [](const std::string& text) { return "x" + text; }},
    {"TriggerBody",
     [](const std::string&) -> std::string {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT);";
     },
     [](const std::string& text) {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT);\nCREATE TRIGGER tr AFTER INSERT "
              "ON t BEGIN\n  UPDATE t SET c = " +
              literal("x" + text) + " WHERE id = new.id;\nEND;";
     },
     [](const std::string&) -> std::string {
       return "INSERT INTO t (id) VALUES (100); SELECT c FROM t WHERE id = 100";
     },
     [](const std::string& text) { return "x" + text; }},
    {"Message",
     [](const std::string&) -> std::string {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT);";
     },
     [](const std::string&) -> std::string {
       return "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT, d TEXT);";
     },
     [](const std::string&) -> std::string {
       return "SELECT count(*) FROM pragma_table_info('t')";
     },
     [](const std::string&) -> std::string { return "3"; }, true},
};

struct Payload {
  const char* name;
  const char* text;
};

const Payload payloads[] = {
    {"StatementAfterNewline", "\n DELETE FROM victim;--"},
    {"DowngradeMarker", "\n-- migrate:downgrade\n"},
    {"UpgradeMarkerSpaced", "\n  --   migrate:upgrade  \n"},
    {"ShellCommand", "\n.shell touch PWNED\n"},
    {"IndentedShellCommand", "\n  .shell touch PWNED\n;"},
    {"ControlCharacters", "\r\x1b[2J\t\x01\x7f\xc2\x85\xe2\x80\xa8\r\r\n-- x\r"},
};

void PrintTo(const Place& place, std::ostream* out) {
  *out << place.name;
}
void PrintTo(const Payload& payload, std::ostream* out) {
  *out << payload.name;
}

class Injection : public Cli, public ::testing::WithParamInterface<std::tuple<Place, Payload>> {
 protected:
  // The first value the last row-returning statement of `sql` gives on a database of the
  // project; what the statements change is rolled back.
  std::string value(const std::string& database, const std::string& sql) {
    sqlite3* db = nullptr;
    std::string result = "(no row)";
    if (sqlite3_open((dir_ / database).c_str(), &db) == SQLITE_OK) {
      sqlite3_exec(db, "SAVEPOINT readback", nullptr, nullptr, nullptr);
      for (const char* rest = sql.c_str(); *rest != '\0';) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, rest, -1, &statement, &rest) != SQLITE_OK) {
          result = std::string("error: ") + sqlite3_errmsg(db);
          break;
        }
        if (statement != nullptr && sqlite3_step(statement) == SQLITE_ROW) {
          const auto* text = sqlite3_column_text(statement, 0);
          result = text == nullptr
                       ? "NULL"
                       : std::string(reinterpret_cast<const char*>(text),
                                     static_cast<std::size_t>(sqlite3_column_bytes(statement, 0)));
        }
        sqlite3_finalize(statement);
      }
      sqlite3_exec(db, "ROLLBACK TO readback; RELEASE readback", nullptr, nullptr, nullptr);
    }
    sqlite3_close(db);
    return result;
  }
  std::string victims(const std::string& database) {
    return value(database, "SELECT group_concat(id) FROM victim");
  }
};

constexpr const char* victim = "CREATE TABLE victim (id INTEGER PRIMARY KEY);\n";

TEST_P(Injection, ModelTextRunsNothingAndReadsBackExactly) {
  const auto& [place, payload] = GetParam();
  const std::string text = payload.text;
  ASSERT_EQ(run("init").code, 0);
  write("model.sql", victim + place.before(text));
  auto base = run("migrate -m base --model model.sql");
  ASSERT_EQ(base.code, 0) << base.text();
  ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  ASSERT_EQ(shell("sqlite3 app.db 'INSERT INTO victim VALUES (1), (2), (3)'").code, 0);
  fs::copy_file(dir_ / "app.db", dir_ / "shell.db");
  const Snapshot head = snapshot_from_json(read("migrations/schema.json"));

  const std::string model = victim + place.after(text);
  write("model.sql", model);
  write("message.txt", place.in_message ? "change" + text : std::string("change"));
  auto migrated = run("migrate -m \"$(cat message.txt)\" --model model.sql");
  ASSERT_EQ(migrated.code, 0) << migrated.text();
  EXPECT_FALSE(has_control_characters(migrated.text())) << migrated.text();

  // The revision file holds exactly the statements the renderer meant, in both sections.
  ASSERT_EQ(versions().size(), 2u);
  const fs::path path = versions()[0].filename().string().starts_with(head.head.value_or("?"))
                            ? versions()[1]
                            : versions()[0];
  const std::string file = read_file(path);
  const Revision change = parse_revision(file, path);
  const Snapshot target = snapshot_from_sql(model);
  const Operations operations = diff(head, target);
  ASSERT_FALSE(operations.empty());
  EXPECT_EQ(statements_of(change.upgrade_sql), intended(SqliteDialect().render(head, operations)))
      << file;
  EXPECT_EQ(statements_of(change.downgrade_sql),
            intended(SqliteDialect().render(target, invert(operations))))
      << file;
  // The header is the four keys, then any further `-- Key: value` lines, each one line.
  const auto header_end = file.find("\n\n-- migrate:upgrade\n");
  ASSERT_NE(header_end, std::string::npos) << file;
  std::istringstream header_lines(file.substr(0, header_end));
  std::vector<std::string> keys;
  for (std::string line; std::getline(header_lines, line);) {
    ASSERT_TRUE(line.starts_with("-- ")) << line;
    const auto colon = line.find(':');
    ASSERT_NE(colon, std::string::npos) << line;
    keys.push_back(line.substr(3, colon - 3));
  }
  ASSERT_GE(keys.size(), 4u) << file;
  EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 4),
            (std::vector<std::string>{"Revision ID", "Revises", "Create Date", "Message"}))
      << file;
  // Only the keys migrate writes: nothing of the model's text made a header of its own.
  const std::set<std::string> written = {"Dialect",
                                         "Upgrade Foreign Keys",
                                         "Downgrade Foreign Keys",
                                         "Upgrade Destructive",
                                         "Downgrade Destructive",
                                         "Upgrade Rebuilds",
                                         "Downgrade Rebuilds"};
  for (std::size_t i = 4; i < keys.size(); ++i) EXPECT_TRUE(written.count(keys[i])) << file;
  EXPECT_FALSE(has_control_characters(file.substr(0, header_end))) << file;

  // The same revision through the sqlite3 shell: no command runs, the value is the same.
  auto script = run("upgrade --sql --url sqlite:///shell.db");
  ASSERT_EQ(script.code, 0) << script.text();
  write("script.sql", script.out);
  auto piped = shell("sqlite3 shell.db < script.sql");
  EXPECT_EQ(piped.code, 0) << piped.text();
  EXPECT_FALSE(exists("PWNED"));
  EXPECT_EQ(victims("shell.db"), "1,2,3");
  EXPECT_EQ(value("shell.db", place.query(text)), place.expect(text));
  EXPECT_EQ(column("shell.db", "SELECT revision FROM dbmigrate_version"), Lines{change.id});

  // upgrade, downgrade, upgrade: the victim keeps its rows, the text reads back exactly.
  auto upgraded = run("upgrade --url sqlite:///app.db");
  ASSERT_EQ(upgraded.code, 0) << upgraded.text();
  EXPECT_FALSE(has_control_characters(upgraded.text())) << upgraded.text();
  EXPECT_EQ(victims("app.db"), "1,2,3");
  EXPECT_EQ(value("app.db", place.query(text)), place.expect(text));
  auto checked = run("check --model model.sql --url sqlite:///app.db");
  EXPECT_EQ(checked.code, 0) << checked.text();
  auto downgraded = run("downgrade --url sqlite:///app.db");
  ASSERT_EQ(downgraded.code, 0) << downgraded.text();
  EXPECT_EQ(victims("app.db"), "1,2,3");
  ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  EXPECT_EQ(value("app.db", place.query(text)), place.expect(text));
}

INSTANTIATE_TEST_SUITE_P(Everywhere, Injection,
                         ::testing::Combine(::testing::ValuesIn(places),
                                            ::testing::ValuesIn(payloads)),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param).name) + "_" +
                                  std::get<1>(info.param).name;
                         });

// What reads as a section marker outside any quotes (a comment line in a view body) cannot be
// kept in a revision file: migrate says so and writes nothing.
TEST_F(Cli, Migrate_RefusesAViewWhoseCommentReadsAsASectionMarker) {
  ASSERT_EQ(run("init").code, 0);
  write("model.sql",
        "CREATE TABLE t (id INTEGER PRIMARY KEY);\n"
        "CREATE VIEW w AS SELECT 2 AS y\n-- migrate:downgrade\nFROM t;\n");
  const FolderState before = state();
  auto refused = run("migrate -m views --model model.sql");
  EXPECT_EQ(refused.code, 2) << refused.text();
  EXPECT_TRUE(contains(refused.err, "would not read back as generated")) << refused.err;
  EXPECT_TRUE(contains(refused.err, "nothing was written")) << refused.err;
  EXPECT_EQ(state(), before);
}

// A view body may end in a `--` comment; the statement after it stays a statement of its own.
TEST_F(Cli, Migrate_ViewEndingInACommentIsTerminated) {
  ASSERT_EQ(run("init").code, 0);
  write("model.sql",
        "CREATE TABLE t (id INTEGER PRIMARY KEY);\n"
        "CREATE VIEW v AS SELECT 1 AS x -- a note; DROP TABLE t\n;\n"
        "CREATE VIEW w AS SELECT 2 AS y;\n");
  auto migrated = run("migrate -m views --model model.sql");
  ASSERT_EQ(migrated.code, 0) << migrated.text();
  auto upgraded = run("upgrade --url sqlite:///app.db");
  ASSERT_EQ(upgraded.code, 0) << upgraded.text();
  EXPECT_EQ(column("app.db", "SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name"),
            (Lines{"v", "w"}));
  EXPECT_EQ(tables("app.db"), Lines{"t"});
  EXPECT_EQ(run("check --model model.sql --url sqlite:///app.db").code, 0);
}

// A revision written by hand may hold a line the sqlite3 shell would run as one of its own
// commands (SQLite cannot run it): `--sql` refuses to print such a script.
TEST_F(Cli, UpgradeSql_RefusesALineTheShellWouldReadOtherwise) {
  ASSERT_EQ(run("init").code, 0);
  write_revision("111111111111", "", "one",
                 "CREATE TABLE one (id INTEGER, note TEXT DEFAULT 'a\n.shell touch SAFE\n');\n"
                 "-- a comment\n.shell touch PWNED",
                 "DROP TABLE one;");
  auto refused = run("upgrade --sql --url sqlite:///shell.db");
  EXPECT_EQ(refused.code, 2) << refused.text();
  EXPECT_EQ(refused.out, "");
  EXPECT_TRUE(contains(refused.err,
                       "111111111111_one.sql:11: '.shell touch PWNED': the sqlite3 shell would run "
                       "it as one of its commands"))
      << refused.err;
  EXPECT_FALSE(exists("PWNED"));

  // Inside a statement the same line is SQL text, and the shell runs no command.
  write_revision("111111111111", "", "one",
                 "CREATE TABLE one (id INTEGER, note TEXT DEFAULT 'a\n.shell touch PWNED\n');",
                 "DROP TABLE one;");
  auto script = run("upgrade --sql --url sqlite:///shell.db");
  ASSERT_EQ(script.code, 0) << script.text();
  write("script.sql", script.out);
  EXPECT_EQ(shell("sqlite3 shell.db < script.sql").code, 0);
  EXPECT_FALSE(exists("PWNED"));
  EXPECT_EQ(
      column("shell.db", "SELECT dflt_value FROM pragma_table_info('one') WHERE name = 'note'"),
      Lines{"'a\n.shell touch PWNED\n'"});

  // A line holding only `go` (or `/`) ends a pending statement in the shell: a view whose
  // alias sits on such a line would be created without it.
  write_revision("111111111111", "", "one", "CREATE VIEW v AS SELECT 1\n  GO\n;", "DROP VIEW v;");
  auto early = run("upgrade --sql --url sqlite:///other.db");
  EXPECT_EQ(early.code, 2) << early.text();
  EXPECT_EQ(early.out, "");
  EXPECT_TRUE(contains(early.err,
                       "111111111111_one.sql:8: '  GO': the sqlite3 shell would end "
                       "the statement before it there"))
      << early.err;
  ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  EXPECT_EQ(column("app.db", "SELECT name FROM pragma_table_info('v')"), Lines{"GO"});
}

// A failing statement is quoted in the error by its first line, which shows on a terminal.
TEST_F(Cli, Upgrade_FailingStatementIsQuotedWithoutControlCharacters) {
  ASSERT_EQ(run("init").code, 0);
  write_revision("111111111111", "", "one", "INSERT INTO nowhere VALUES ('\x1b[2J\x07');",
                 "SELECT 1;");
  auto failed = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(failed.code, 1) << failed.text();
  EXPECT_TRUE(contains(failed.err, "INSERT INTO nowhere VALUES ('\\x1b[2J\\x07');")) << failed.err;
  EXPECT_FALSE(has_control_characters(failed.text())) << failed.text();
}

}  // namespace
}  // namespace dbmigrate::cli_test
