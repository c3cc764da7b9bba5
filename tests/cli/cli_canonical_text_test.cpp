// A model only re-formatted (case, spacing) is no change, whichever source it comes from; and a
// schema.json written in an older canonical text shows no change against an unchanged model.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

constexpr const char* upper_sql =
    "CREATE TABLE t (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  a INTEGER CHECK (a IN (1,2)),\n"
    "  b INTEGER,\n"
    "  name TEXT COLLATE NOCASE,\n"
    "  created TIMESTAMP DEFAULT CURRENT_TIMESTAMP,\n"
    "  active BOOLEAN DEFAULT FALSE,\n"
    "  step INTEGER DEFAULT (ABS(-1)),\n"
    "  CHECK (a > b)\n"
    ");\n"
    "CREATE INDEX ix_t_name ON t (name COLLATE NOCASE) WHERE b IS NULL;\n"
    "CREATE VIEW v AS SELECT id, name FROM t WHERE a IS NOT NULL;\n";

constexpr const char* lower_sql =
    "create table t (\n"
    "  id integer primary key,\n"
    "  a integer check (a in (1, 2)),\n"
    "  b integer,\n"
    "  name text collate nocase,\n"
    "  created timestamp default current_timestamp,\n"
    "  active boolean default false,\n"
    "  step integer default (abs(-1)),\n"
    "  check (A > B)\n"
    ");\n"
    "create index ix_t_name on t (name collate nocase) where b is null;\n"
    "create view v as select id, name from t where a is not null;\n";

// The same schema as a .json model, its SQL text spelled in `keyword` case.
std::string json_model(bool upper) {
  auto pick = [&](const char* a, const char* b) { return std::string(upper ? a : b); };
  return "{\"format\": 1, \"tables\": [{\"name\": \"t\", \"columns\": [\n"
         "  {\"name\": \"id\", \"type\": \"integer\", \"nullable\": false},\n"
         "  {\"name\": \"a\", \"type\": \"integer\", \"default\": \"" +
         pick("CURRENT_TIMESTAMP", "current_timestamp") + "\", \"collation\": \"" +
         pick("NOCASE", "nocase") +
         "\"}],\n"
         " \"primary_key\": [\"id\"],\n"
         " \"checks\": [{\"expression\": \"" +
         pick("a IN (1,2)", "(a in (1, 2))") +
         "\"}],\n"
         " \"indexes\": [{\"name\": \"ix\", \"keys\": [{\"column\": \"a\", \"collation\": \"" +
         pick("NOCASE", "nocase") + "\"}], \"where\": \"" + pick("A IS NULL", "a is null") +
         "\"}]}],\n"
         " \"views\": [{\"name\": \"v\", \"sql\": \"" +
         pick("CREATE VIEW v AS SELECT id FROM t WHERE a IS NOT NULL",
              "create view v as select id from t where a is not null") +
         "\"}]}\n";
}

TEST_F(Cli, SqlModel_ReformattedInCaseOnly_IsNoChange) {
  ASSERT_EQ(run("init").code, 0);
  write("upper.sql", upper_sql);
  write("lower.sql", lower_sql);
  const auto first = run("migrate -m first --model upper.sql");
  ASSERT_EQ(first.code, 0) << first.text();
  const auto again = run("migrate -m again --model lower.sql");
  EXPECT_EQ(again.code, 0) << again.text();
  EXPECT_EQ(again.lines(), Lines{"No changes in schema detected."});
  const auto compared = run("diff upper.sql lower.sql");
  EXPECT_EQ(compared.lines(), Lines{"No changes in schema detected."}) << compared.text();
  EXPECT_EQ(versions().size(), 1u);
}

TEST_F(Cli, JsonModel_ReformattedInCaseOnly_IsNoChange) {
  ASSERT_EQ(run("init").code, 0);
  write("upper.json", json_model(true));
  write("lower.json", json_model(false));
  const auto first = run("migrate -m first --model lower.json");
  ASSERT_EQ(first.code, 0) << first.text();
  const auto again = run("migrate -m again --model upper.json");
  EXPECT_EQ(again.code, 0) << again.text();
  EXPECT_EQ(again.lines(), Lines{"No changes in schema detected."});
  const auto compared = run("diff lower.json upper.json");
  EXPECT_EQ(compared.lines(), Lines{"No changes in schema detected."}) << compared.text();
  // Both are printed in one canonical text.
  EXPECT_EQ(run("snapshot lower.json").out, run("snapshot upper.json").out);
}

// A model and a database made from it agree, whatever case the model is written in.
TEST_F(Cli, DatabaseMadeFromALowerCaseModel_MatchesTheUpperCaseModel) {
  ASSERT_EQ(run("init").code, 0);
  write("upper.sql", upper_sql);
  write("lower.sql", lower_sql);
  ASSERT_EQ(run("migrate -m first --model lower.sql").code, 0);
  const auto upgraded = run("upgrade --url sqlite:///app.db");
  ASSERT_EQ(upgraded.code, 0) << upgraded.text();
  const auto compared = run("diff sqlite:///app.db upper.sql");
  EXPECT_EQ(compared.lines(), Lines{"No changes in schema detected."}) << compared.text();
  const auto checked = run("check --model upper.sql --url sqlite:///app.db");
  EXPECT_EQ(checked.code, 0) << checked.text();
}

// schema.json as the release before this canonical text wrote it (text kept as the model spelt
// it): the unchanged model, read today, shows no change against it.
TEST_F(Cli, SchemaJsonInTheOlderCanonicalText_IsNoChangeAgainstTheUnchangedModel) {
  ASSERT_EQ(run("init").code, 0);
  write("lower.sql", lower_sql);
  ASSERT_EQ(run("migrate -m first --model lower.sql").code, 0);
  std::string schema = read("migrations/schema.json");
  const std::vector<std::pair<std::string, std::string>> older = {
      {"\"a IN (1, 2)\"", "\"a in (1, 2)\""},
      {"\"a > b\"", "\"A > B\""},
      {"\"CURRENT_TIMESTAMP\"", "\"current_timestamp\""},
      {"\"FALSE\"", "\"false\""},
      {"\"NOCASE\"", "\"nocase\""},
      {"\"b IS NULL\"", "\"b is null\""},
      {"CREATE VIEW v AS SELECT id, name FROM t WHERE a IS NOT NULL",
       "CREATE VIEW v as select id, name from t where a is not null"}};
  for (const auto& [today, before] : older) {
    const auto at = schema.find(today);
    ASSERT_NE(at, std::string::npos) << today << " in\n" << schema;
    schema.replace(at, today.size(), before);
  }
  write("migrations/schema.json", schema);
  const auto again = run("migrate -m again --model lower.sql");
  EXPECT_EQ(again.code, 0) << again.text();
  EXPECT_EQ(again.lines(), Lines{"No changes in schema detected."});
  const auto checked = run("check --model lower.sql");
  EXPECT_EQ(checked.code, 0) << checked.text();
}

}  // namespace
}  // namespace dbmigrate::cli_test
