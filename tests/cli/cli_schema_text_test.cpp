// Text a user writes that SQLite reads one way and DbMigrate must read the same way: a lone
// word or "double-quoted" name after DEFAULT is a string; a rename hint with a broken quote is
// an error, not another name; a git: source's revision is never an option to git.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

// SQLite 3.x: `DEFAULT active` and `DEFAULT "dq"` (and [br], `bt`) give dflt_value active,
// "dq", ... and a row gets the string: a name after DEFAULT is read as a string literal.
TEST_F(Cli, DefaultOfALoneNameOrDoubleQuotedWord_IsTheStringSqliteReads) {
  ASSERT_EQ(run("init").code, 0);
  write("model.sql",
        "CREATE TABLE accounts (\n  id INTEGER PRIMARY KEY,\n  status TEXT DEFAULT active,\n"
        "  label TEXT DEFAULT \"dq\",\n  kind TEXT DEFAULT [br],\n  mark TEXT DEFAULT `bt`,\n"
        "  flag INTEGER DEFAULT true,\n  made TEXT DEFAULT CURRENT_TIMESTAMP\n);\n");
  const auto migrated = run("migrate -m accounts --model model.sql");
  ASSERT_EQ(migrated.code, 0) << migrated.text();
  const auto text = read_file(versions().front());
  EXPECT_TRUE(contains(text, "status TEXT DEFAULT 'active',")) << text;
  EXPECT_TRUE(contains(text, "label TEXT DEFAULT 'dq',")) << text;
  EXPECT_TRUE(contains(text, "kind TEXT DEFAULT 'br',")) << text;
  EXPECT_TRUE(contains(text, "mark TEXT DEFAULT 'bt',")) << text;
  EXPECT_TRUE(contains(text, "flag INTEGER DEFAULT TRUE,")) << text;  // canonical case
  EXPECT_TRUE(contains(text, "made TEXT DEFAULT CURRENT_TIMESTAMP")) << text;

  const auto upgraded = run("upgrade --url sqlite:///app.db");
  ASSERT_EQ(upgraded.code, 0) << upgraded.text();
  ASSERT_EQ(shell("sqlite3 app.db 'INSERT INTO accounts (id) VALUES (1)'").code, 0);
  EXPECT_EQ(query("app.db", "SELECT status, label, kind, mark, flag FROM accounts"),
            (std::vector<Lines>{{"active", "dq", "br", "bt", "1"}}));
  // The model, the revisions and the database agree.
  const auto checked = run("check --model model.sql --url sqlite:///app.db");
  EXPECT_EQ(checked.code, 0) << checked.text();
}

// A database made by hand with such defaults inspects to the same strings, so a model taken
// from it upgrades a fresh database.
TEST_F(Cli, DefaultOfALoneName_InADatabase_InspectsAsTheString) {
  ASSERT_EQ(shell("sqlite3 old.db 'CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT DEFAULT "
                  "active, q TEXT DEFAULT \"dq\")'")
                .code,
            0);
  const auto snapshot = run("snapshot sqlite:///old.db");
  ASSERT_EQ(snapshot.code, 0) << snapshot.text();
  EXPECT_TRUE(contains(snapshot.out, "\"default\": \"'active'\"")) << snapshot.out;
  EXPECT_TRUE(contains(snapshot.out, "\"default\": \"'dq'\"")) << snapshot.out;
  ASSERT_EQ(run("init").code, 0);
  ASSERT_EQ(run("migrate -m t --model sqlite:///old.db").code, 0);
  const auto upgraded = run("upgrade --url sqlite:///new.db");
  EXPECT_EQ(upgraded.code, 0) << upgraded.text();
  EXPECT_EQ(column("new.db", "SELECT dflt_value FROM pragma_table_info('t') ORDER BY cid"),
            (Lines{"NULL", "'active'", "'dq'"}));
}

// A hint whose quote does not close names no table: refused with its line, nothing written.
TEST_F(Cli, RenameHintWithABrokenQuote_IsRefusedWithItsLine) {
  ASSERT_EQ(run("init").code, 0);
  write("v1.sql", "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);\n");
  ASSERT_EQ(run("migrate -m v1 --model v1.sql").code, 0);
  for (const std::string hint : {"from=\"people\"\"", "from=\"people", "from=people\"",
                                 "from=\"people\"\" ", "from=[people]"}) {
    write("v2.sql", "CREATE TABLE humans ( -- @renamed " + hint +
                        "\n  id INTEGER PRIMARY KEY,\n  name TEXT\n);\n");
    const FolderState written = state();
    const auto result = run("migrate -m v2 --model v2.sql");
    EXPECT_EQ(result.code, 2) << hint << "\n" << result.text();
    EXPECT_TRUE(contains(result.err, "v2.sql:1: ")) << result.err;
    EXPECT_TRUE(contains(result.err, "rename hint")) << result.err;
    EXPECT_EQ(state(), written) << hint;
  }
  // Well formed, the same hint renames.
  write("v2.sql",
        "CREATE TABLE humans ( -- @renamed from=\"people\"\n  id INTEGER PRIMARY KEY,\n"
        "  name TEXT\n);\n");
  const auto renamed = run("migrate -m v2 --model v2.sql");
  ASSERT_EQ(renamed.code, 0) << renamed.text();
  EXPECT_EQ(renamed.lines()[0], "Detected renamed table 'people' to 'humans'");
}

class GitRevision : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    ASSERT_EQ(run("init").code, 0);
    ASSERT_EQ(shell("git init -q . && git add migrations && git -c user.name=t -c "
                    "user.email=t@example.com -c commit.gpgsign=false commit -qm one")
                  .code,
              0);
  }
};

// git:--output=out once made `git show` write out:./migrations/schema.json.
TEST_F(GitRevision, RevisionStartingWithADash_IsRefusedAndGitWritesNothing) {
  fs::create_directories(dir_ / "out:." / "migrations");  // where that output would go
  // The project's files, git's own left out.
  auto files = [&] {
    FolderState files = state();
    std::erase_if(files, [](const auto& file) { return file.first.starts_with(".git/"); });
    return files;
  };
  const FolderState before = files();
  for (const std::string source :
       {"git:--output=out", "git:--output=out:migrations/schema.json", "git:-p", "git:--all"}) {
    const auto result = run("diff '" + source + "' migrations/schema.json");
    EXPECT_EQ(result.code, 2) << source << "\n" << result.text();
    EXPECT_TRUE(contains(result.err, "is not a git revision")) << result.err;
    EXPECT_EQ(files(), before) << source;
    EXPECT_FALSE(exists("out:./migrations/schema.json")) << source;
  }
  const auto odd = run("diff 'git:HEAD two' migrations/schema.json");
  EXPECT_EQ(odd.code, 2) << odd.text();
  EXPECT_TRUE(contains(odd.err, "is not a git revision")) << odd.err;
  // An ordinary revision still works.
  const auto same = run("diff git:HEAD migrations/schema.json");
  EXPECT_EQ(same.code, 0) << same.text();
}

}  // namespace
}  // namespace dbmigrate::cli_test
