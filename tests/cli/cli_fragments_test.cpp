// SQL text carried by a snapshot (defaults, CHECKs, views, triggers) is one thing of its kind,
// whichever source it comes from; the readers of .sql files and databases refuse what the JSON
// reader refuses, naming file and line, so that `migrate` never writes a schema.json that later
// commands refuse.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

// A project whose database app.db holds a table `victim` with three rows, at the head of one
// revision that created it; schema.json says so.
class Fragments : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    ASSERT_EQ(run("init").code, 0);
    write("model.json", model(""));
    auto created = run("migrate -m victim --model model.json");
    ASSERT_EQ(created.code, 0) << created.text();
    auto upgraded = run("upgrade --url sqlite:///app.db");
    ASSERT_EQ(upgraded.code, 0) << upgraded.text();
    execute("app.db", "INSERT INTO victim (id) VALUES (1), (2), (3);");
    before_ = files();
  }

  // A .json model: the table `victim`, then `extra` (JSON members: more tables, views, ...).
  static std::string model(const std::string& extra) {
    return R"({"format": 1, "tables": [{"name": "victim", "columns": [{"name": "id", "type": "integer"}]}])" +
           extra + "}";
  }

  void execute(const std::string& database, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / database).c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << (message ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
  }

  // `args` exits 2 with an error naming each of `expected`, and writes nothing.
  void refused(const std::string& args, const std::vector<std::string>& expected) {
    auto result = run(args);
    EXPECT_EQ(result.code, 2) << args << "\n" << result.text();
    for (const auto& part : expected)
      EXPECT_TRUE(contains(result.err, part)) << args << ":\n" << result.err;
    EXPECT_FALSE(contains(result.err, "json.exception")) << result.err;
    EXPECT_TRUE(files() == before_) << args << ": a file was written";
  }

  // The project's files but its databases, whose state the tests query instead.
  FolderState files() {
    FolderState all = state();
    std::erase_if(all, [](const auto& file) { return file.first.ends_with(".db"); });
    return all;
  }

  // Nothing ran: victim keeps its rows, and no table zz appeared.
  void expect_victim_intact() {
    auto upgraded = run("upgrade --url sqlite:///app.db");
    EXPECT_EQ(upgraded.code, 0) << upgraded.text();
    EXPECT_EQ(column("app.db", "SELECT count(*) FROM victim"), std::vector<std::string>{"3"});
    EXPECT_EQ(tables("app.db"), std::vector<std::string>{"victim"});
  }

  FolderState before_;
};

TEST_F(Fragments, ViewWithASecondStatement_MigrateRefusesNamingTheJsonPath) {
  write(
      "model.json",
      model(
          R"(, "views": [{"name": "v", "sql": "CREATE VIEW v AS SELECT 1; DELETE FROM victim"}])"));
  before_ = files();
  refused("migrate -m evil --model model.json",
          {"model.json: views[0].sql", "exactly one CREATE VIEW"});
  refused("diff --sql migrations/schema.json model.json", {"model.json: views[0].sql"});
  expect_victim_intact();
}

TEST_F(Fragments, DefaultClosingItsParenthesis_MigrateRefusesNamingTheJsonPath) {
  write(
      "model.json",
      R"({"format": 1, "tables": [{"name": "t", "columns": [{"name": "id", "type": "integer"},)"
      R"( {"name": "q", "type": "integer", "default": "1); DELETE FROM victim; CREATE TABLE zz (id, q"}]},)"
      R"( {"name": "victim", "columns": [{"name": "id", "type": "integer"}]}]})");
  before_ = files();
  refused("migrate -m evil --model model.json",
          {"model.json: tables[0].columns[1].default", "column 'q' of table 't'"});
  refused("snapshot model.json", {"model.json: tables[0].columns[1].default"});
  expect_victim_intact();
}

TEST_F(Fragments, TriggerOnAnotherTableOrWithTrailingStatement_IsRefused) {
  write(
      "model.json",
      model(
          R"(, "triggers": [{"name": "tr", "table": "victim", "sql": )"
          R"("CREATE TRIGGER tr AFTER INSERT ON victim BEGIN SELECT 1; END; DELETE FROM victim"}])"));
  before_ = files();
  refused("migrate -m evil --model model.json", {"model.json: triggers[0].sql"});
  write("model.json",
        model(R"(, "triggers": [{"name": "tr", "table": "victim", "sql": )"
              R"("CREATE TRIGGER other AFTER INSERT ON victim BEGIN SELECT 1; END"}])"));
  before_ = files();
  refused("migrate -m evil --model model.json", {"model.json: triggers[0].sql", "'other'"});
}

// schema.json changes by hand or in a merge: the text it carries is checked as the model's is.
TEST_F(Fragments, HandEditedSchemaJson_IsRefusedBeforeAnythingIsRendered) {
  std::string schema = read("migrations/schema.json");
  const std::string column = R"("name": "id",)";
  const auto at = schema.find(column);
  ASSERT_NE(at, std::string::npos) << schema;
  schema.insert(at + column.size(),
                R"( "default": "1); DELETE FROM victim; CREATE TABLE zz (id, q",)");
  write("migrations/schema.json", schema);
  write(
      "model.json",
      R"({"format": 1, "tables": [{"name": "victim", "columns": [{"name": "id", "type": "integer"},)"
      R"( {"name": "more", "type": "text"}]}]})");
  before_ = files();
  refused("migrate -m more --model model.json",
          {"schema.json: tables[0].columns[0].default", "column 'id' of table 'victim'"});
  refused("check --model model.json", {"schema.json: tables[0].columns[0].default"});
  expect_victim_intact();
}

TEST_F(Fragments, SqlSchema_RefusesWhatTheJsonReaderRefuses_WithFileAndLine) {
  write("empty_name.sql",
        "CREATE TABLE victim (id INTEGER);\nCREATE TABLE t (id INTEGER PRIMARY KEY, \"\" TEXT);\n");
  write("short_key.sql",
        "CREATE TABLE victim (id INTEGER);\nCREATE TABLE p (a INTEGER, b INTEGER, PRIMARY KEY (a, "
        "b));\n"
        "CREATE TABLE c (x INTEGER REFERENCES p);\n");
  write("view_trigger.sql",
        "CREATE TABLE victim (id INTEGER);\nCREATE VIEW v AS SELECT id FROM victim;\n"
        "CREATE TRIGGER tr INSTEAD OF INSERT ON v BEGIN SELECT 1; END;\n");
  write("empty_table.sql",
        "CREATE TABLE victim (id INTEGER);\n\nCREATE TABLE \"\" (id INTEGER);\n");
  write("version_table.sql",
        "CREATE TABLE victim (id INTEGER);\nCREATE TABLE dbmigrate_version (revision TEXT);\n");
  before_ = files();
  refused("migrate -m x --model empty_name.sql", {"empty_name.sql:2:", "empty name"});
  refused("migrate -m x --model short_key.sql",
          {"short_key.sql:3:", "2 referenced columns for 1 columns"});
  refused("migrate -m x --model view_trigger.sql", {"view_trigger.sql:3:", "view 'v'"});
  refused("migrate -m x --model empty_table.sql", {"empty_table.sql:3:", "empty name"});
  refused("migrate -m x --model version_table.sql", {"version_table.sql:2:", "dbmigrate_version"});
  refused("snapshot empty_name.sql", {"empty_name.sql:2:"});
}

TEST_F(Fragments, ModelTableNamedLikeTheVersionTable_IsRefusedNotLeftOut) {
  write(
      "model.json",
      R"({"format": 1, "tables": [{"name": "DbMigrate_History", "columns": [{"name": "id", "type": "integer"}]},)"
      R"( {"name": "victim", "columns": [{"name": "id", "type": "integer"}]}]})");
  before_ = files();
  refused("migrate -m x --model model.json", {"model.json: tables[0].name", "DbMigrate_History"});
}

TEST_F(Fragments, DatabaseReader_RefusesAnEmptyColumnName_NamingTheDatabase) {
  execute("odd.db", "CREATE TABLE t (id INTEGER PRIMARY KEY, \"\" TEXT);");
  before_ = files();
  refused("snapshot sqlite:///odd.db", {"odd.db", "empty name"});
}

TEST_F(Fragments, NamesThatAreNotUtf8_AreRefusedNamingTheFile) {
  write("latin1.sql", "CREATE TABLE victim (id INTEGER);\nCREATE TABLE caf\xe9 (id INTEGER);\n");
  write("latin1.json",
        "{\"format\": 1, \"tables\": [{\"name\": \"caf\xe9\", \"columns\": []},"
        " {\"name\": \"victim\", \"columns\": [{\"name\": \"id\", \"type\": \"integer\"}]}]}");
  before_ = files();
  refused("migrate -m x --model latin1.sql", {"latin1.sql:2:", "not valid UTF-8"});
  refused("migrate -m x --model latin1.json", {"latin1.json: tables[0].name", "not valid UTF-8"});
  refused("snapshot latin1.sql", {"latin1.sql:2:", "not valid UTF-8"});
}

// A .sql schema could never hold a default that reads a column: SQLite refuses it when the table
// is created. From a .json model it would make a revision that can never run.
TEST_F(Fragments, DefaultThatIsNotConstant_IsRefusedLikeTheSqlReaderDoes) {
  write(
      "model.json",
      R"({"format": 1, "tables": [{"name": "victim", "columns": [{"name": "id", "type": "integer"}]},)"
      R"j( {"name": "t", "columns": [{"name": "id", "type": "integer"},)j"
      R"j( {"name": "q", "type": "text", "default": "(`a` || 'x')"}]}]})j");
  write("model.sql",
        "CREATE TABLE victim (id INTEGER);\n"
        "CREATE TABLE t (id INTEGER, q TEXT DEFAULT (`a` || 'x'));\n");
  before_ = files();
  refused("migrate -m x --model model.sql", {"model.sql:2:", "not constant"});
  refused("migrate -m x --model model.json",
          {"model.json: tables[1].columns[1].default", "not constant"});
  expect_victim_intact();
}

// A key of the document is quoted in the message that refuses it: shown escaped, whole, on one
// line, never as a terminal control sequence or cut at a NUL.
TEST_F(Fragments, UnknownFieldWithControlCharacters_IsNamedEscaped) {
  write("model.json", R"({"format": 1, "tables": [{"name": "victim", "k\u001b[31m\u0000\n-- x": 1,)"
                      R"( "columns": [{"name": "id", "type": "integer"}]}]})");
  before_ = files();
  refused("migrate -m x --model model.json",
          {"model.json: tables[0].k\\x1b[31m\\0\\n-- x: unknown field"});
  EXPECT_FALSE(contains(run("snapshot model.json").err, "\x1b"))
      << "an escape reached the terminal";
}

// SQLite takes a double-quoted name it cannot find for a string: the index below is on the
// constant 'nosuch', which a revision would spell as a key on a column nosuch and fail.
TEST_F(Fragments, IndexOnAStringConstant_IsRefusedAtTheSchemaLine) {
  write("model.sql",
        "CREATE TABLE victim (id INTEGER);\n"
        "CREATE INDEX ix ON victim (\"nosuch\");\n");
  before_ = files();
  refused("migrate -m x --model model.sql", {"model.sql:2:", "column name"});
  expect_victim_intact();
}

}  // namespace
}  // namespace dbmigrate::cli_test
