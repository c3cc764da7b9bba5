// The dialect seam: dialects are chosen by name or URL scheme through the registry, a second
// dialect plugs in without touching the engine, and the engine follows the chosen dialect's
// rules (here: how names compare).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>

#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/runner.hpp"
#include "dbmigrate/session.hpp"
#include "toy_dialect/toy_dialect.hpp"

namespace dbmigrate {
namespace {

std::string message_of(const auto& call) {
  try {
    call();
  } catch (const Error& error) {
    return error.what();
  }
  return "(no error)";
}

Snapshot one_table(const std::string& name) {
  Snapshot snapshot;
  snapshot.tables.push_back({.name = name, .columns = {{.name = "id", .type = "integer"}}});
  return snapshot;
}

template <typename Kind>
std::size_t count_of(const Operations& operations) {
  return static_cast<std::size_t>(std::count_if(
      operations.begin(), operations.end(),
      [](const Operation& operation) { return std::holds_alternative<Kind>(operation.kind); }));
}

TEST(DialectRegistry, SqliteIsBuiltInByNameUrlAndBarePath) {
  EXPECT_EQ(dialect_named("sqlite").name(), "sqlite");
  EXPECT_EQ(&dialect_for_url("sqlite:///app.db"), &dialect_named("sqlite"));
  EXPECT_EQ(&dialect_for_url("app.db", /*bare_paths=*/true), &dialect_named("sqlite"));
  EXPECT_EQ(&default_dialect(), &dialect_named("sqlite"));
  EXPECT_EQ(dialect_named("sqlite").database_location("sqlite:///data/app.db"), "data/app.db");
}

TEST(DialectRegistry, AnUnknownNameOrSchemeNamesWhatTheBuildHas) {
  const auto unknown = message_of([] { (void)dialect_named("oracle"); });
  EXPECT_NE(unknown.find("unknown dialect 'oracle'"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("sqlite"), std::string::npos) << unknown;

  const auto scheme = message_of([] { (void)dialect_for_url("mysql://bob:s3cret@db/app"); });
  EXPECT_NE(scheme.find("unknown database URL scheme 'mysql'"), std::string::npos) << scheme;
  EXPECT_NE(scheme.find("bob:***@db"), std::string::npos) << scheme;
  EXPECT_EQ(scheme.find("s3cret"), std::string::npos) << scheme;
  EXPECT_NE(scheme.find("sqlite:///"), std::string::npos) << scheme;

  // Without a scheme, a location is a URL only where the caller takes bare paths.
  EXPECT_NE(message_of([] { (void)dialect_for_url("app.db"); }).find("unknown database URL"),
            std::string::npos);
}

TEST(DialectRegistry, ASecondDialectPlugsInThroughTheRegistryAlone) {
  toy::register_toy_dialect();
  const Dialect& toy = dialect_named("toy");
  EXPECT_EQ(toy.name(), "toy");
  EXPECT_EQ(&dialect_for_url("toy://dev"), &toy);
  EXPECT_NE(std::find(dialect_names().begin(), dialect_names().end(), "toy"),
            dialect_names().end());
  // The built-in dialect is untouched by it.
  EXPECT_EQ(&dialect_for_url("sqlite:///app.db"), &dialect_named("sqlite"));

  // The engine's pipeline, driven through the seam only: inspect, diff by the dialect's rule,
  // render in the dialect's words.
  toy::databases()["dev"] = one_table("users");
  const auto url = std::string("toy://dev");
  const Dialect& chosen = dialect_for_url(url);
  const Snapshot live = chosen.inspect(chosen.database_location(url));
  Snapshot model = one_table("users");
  model.tables.push_back({.name = "posts", .columns = {{.name = "id", .type = "integer"}}});
  const auto operations = diff(live, model, chosen.capabilities().identifier_case);
  const auto script = chosen.render(live, operations);
  ASSERT_EQ(script.statements.size(), 1U);
  EXPECT_EQ(script.statements[0].sql, "TOY " + operations[0].describe() + ";");
}

TEST(DialectRegistry, ANameOrSchemeIsRegisteredOnce) {
  toy::register_toy_dialect();
  auto again = [](std::string name, std::string scheme) {
    return message_of([&] {
      register_dialect({.name = name,
                        .url_schemes = {scheme},
                        .url_example = scheme + "://x",
                        .takes_bare_paths = false,
                        .make = [] { return std::make_unique<toy::ToyDialect>(); }});
    });
  };
  EXPECT_NE(again("toy", "toy2").find("a dialect named 'toy' is registered already"),
            std::string::npos);
  EXPECT_NE(again("other", "sqlite").find("URL scheme 'sqlite' belongs to dialect 'sqlite'"),
            std::string::npos);
}

TEST(DialectRegistry, NamesCompareByTheChosenDialectsRule) {
  // SQLite ignores ASCII case: Users -> users renames the same table (through a temporary
  // name, since SQLite refuses a rename that only changes case).
  const Dialect& sqlite = dialect_named("sqlite");
  const auto folded =
      diff(one_table("Users"), one_table("users"), sqlite.capabilities().identifier_case);
  EXPECT_GE(count_of<op::RenameTable>(folded), 1U);
  EXPECT_EQ(count_of<op::DropTable>(folded), 0U);
  EXPECT_EQ(count_of<op::CreateTable>(folded), 0U);
  EXPECT_TRUE(sqlite.same_name("Users", "users"));

  // A dialect whose names compare exactly sees two tables: one goes, one comes.
  toy::register_toy_dialect();
  const Dialect& toy = dialect_named("toy");
  const auto exact =
      diff(one_table("Users"), one_table("users"), toy.capabilities().identifier_case);
  EXPECT_EQ(count_of<op::RenameTable>(exact), 0U);
  EXPECT_EQ(count_of<op::DropTable>(exact), 1U);
  EXPECT_EQ(count_of<op::CreateTable>(exact), 1U);
  EXPECT_FALSE(toy.same_name("Users", "users"));
}

TEST(DialectRegistry, AColumnWhoseNameChangesOnlyInCaseFollowsTheRule) {
  Snapshot from = one_table("t");
  Snapshot to = one_table("t");
  to.tables[0].columns[0].name = "ID";
  const auto folded = diff(from, to, IdentifierCase::ascii_insensitive);
  EXPECT_GE(count_of<op::RenameColumn>(folded), 1U);
  EXPECT_EQ(count_of<op::AddColumn>(folded) + count_of<op::DropColumn>(folded), 0U);
  const auto exact = diff(from, to, IdentifierCase::exact);
  EXPECT_EQ(count_of<op::RenameColumn>(exact), 0U);
  EXPECT_EQ(count_of<op::AddColumn>(exact), 1U) << "an exact rule sees ID as another column";
  EXPECT_EQ(count_of<op::DropColumn>(exact), 1U);
}

Revision toy_revision(std::string id, std::vector<std::string> parents, std::string dialect,
                      std::string upgrade, std::string downgrade) {
  Revision revision;
  revision.id = std::move(id);
  revision.parents = std::move(parents);
  revision.headers = {{.key = "Dialect", .value = std::move(dialect)}};
  revision.upgrade_sql = std::move(upgrade);
  revision.downgrade_sql = std::move(downgrade);
  return revision;
}

class NoReport final : public Reporter {
 public:
  void running(const Revision&, std::string_view) override {}
  void backup_written(const std::filesystem::path&) override {}
  void progress(const Revision&, std::string_view, std::chrono::seconds) override {}
};

TEST(DialectRegistry, TheRunnerAppliesRevisionsThroughASecondDialectsSession) {
  toy::register_toy_dialect();
  const Dialect& toy = dialect_for_url("toy://run");
  const RunnerOptions options;
  Runner runner(toy.open_session(toy.database_location("toy://run"), options), options);
  const RevisionGraph graph({toy_revision("a1", {}, "toy", "TOY create users;", "TOY drop users;"),
                             toy_revision("b2", {"a1"}, "toy", "TOY create posts;",
                                          "TOY drop posts;")});
  NoReport reporter;

  EXPECT_EQ(runner.upgrade(graph, "heads", reporter), (std::vector<std::string>{"b2"}));
  EXPECT_EQ(toy::recorded()["run"],
            (std::vector<std::string>{"TOY create users;", "TOY create posts;"}));
  EXPECT_EQ(runner.current_heads(), (std::vector<std::string>{"b2"}));
  EXPECT_EQ(runner.history().size(), 2U);

  EXPECT_EQ(runner.downgrade(graph, "base", reporter), std::vector<std::string>{});
  EXPECT_EQ(toy::recorded()["run"].back(), "TOY drop users;");
  EXPECT_EQ(runner.history().back().direction, "downgrade");
}

TEST(DialectRegistry, ARevisionForAnotherDialectIsRefusedByTheSession) {
  toy::register_toy_dialect();
  const Dialect& toy = dialect_named("toy");
  const RunnerOptions options;
  Runner runner(toy.open_session("refuse", options), options);
  const RevisionGraph graph({toy_revision("a1", {}, "sqlite", "CREATE TABLE t (id);", "")});
  NoReport reporter;
  const auto message = message_of([&] { (void)runner.upgrade(graph, "heads", reporter); });
  EXPECT_NE(message.find("sqlite"), std::string::npos) << message;
  EXPECT_NE(message.find("toy"), std::string::npos) << message;
  EXPECT_TRUE(toy::recorded()["refuse"].empty());
  EXPECT_TRUE(runner.current_heads().empty());
}

}  // namespace
}  // namespace dbmigrate
