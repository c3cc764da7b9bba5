// Runner: plans a run, then applies it one revision per transaction through the session. Each
// transaction re-reads the version table once it holds the run lock, so a revision that another
// runner applied meanwhile is skipped, never applied twice.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <span>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "dbmigrate/runner.hpp"
#include "dbmigrate/session.hpp"
#include "runner/applied.hpp"
#include "runner/dialect_check.hpp"
#include "runner/direction.hpp"
#include "runner/rebuild_drift.hpp"
#include "runner/session_scope.hpp"
#include "runner/version_store.hpp"

namespace dbmigrate {

using runner::Direction;

namespace {

std::string revision_label(const Revision& revision) {
  if (revision.path.empty()) return fmt::format("revision {}", revision.id);
  return fmt::format("revision {} ({})", revision.id, revision.path.string());
}

// What the section's headers say it rebuilds; nullopt for a revision that does not say.
std::optional<std::vector<std::string>> rebuilt_names(const Revision& revision,
                                                      std::string_view section) {
  if (revision_dialect(revision).empty()) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& shape : rebuilt_tables(revision, section)) names.push_back(shape.table);
  return names;
}

}  // namespace

std::string running_message(const Revision& revision, std::string_view direction) {
  const auto parents = fmt::format("{}", fmt::join(revision.parents, ", "));
  const bool up = direction == "upgrade";
  auto line = fmt::format("Running {} {} -> {}", direction, up ? parents : revision.id,
                          up ? revision.id : parents);
  if (!revision.message.empty()) line += ", " + revision.message;
  return line;
}

class Runner::Impl {
 public:
  // Every public operation runs through here, so that meeting another run's lock for longer
  // than lock_timeout, wherever it happens, is reported as such.
  template <typename F>
  auto guarded(F&& operation) {
    using Result = std::invoke_result_t<F&>;
    if constexpr (std::is_void_v<Result>) {
      session_->with_lock_wait(operation);
    } else {
      std::optional<Result> result;
      session_->with_lock_wait([&] { result.emplace(operation()); });
      return std::move(*result);
    }
  }

  Impl(std::unique_ptr<Session> session, RunnerOptions options)
      : session_(std::move(session)), options_(std::move(options)) {}

  std::vector<std::string> heads() { return runner::read_heads(*session_); }
  std::vector<HistoryEntry> history() { return runner::read_history(*session_); }
  Snapshot schema() { return session_->inspect(); }
  std::string schema_fingerprint() { return session_->schema_fingerprint(); }

  // The heads and the checksums recorded for them, read in one transaction so that they agree.
  struct State {
    std::vector<std::string> heads;
    std::unordered_map<std::string, std::string> checksums;
  };
  State read_state() {
    runner::SessionTransaction snapshot(*session_, runner::SessionTransaction::Kind::read);
    State state{runner::read_heads(*session_), runner::recorded_checksums(*session_)};
    snapshot.commit();
    return state;
  }

  // Applied revisions whose file no longer has the checksum recorded when they were applied.
  std::vector<std::string> changed(const RevisionGraph& graph) {
    State state = read_state();
    checked_heads_ = state.heads;
    return changed_among(graph, state.heads, state.checksums);
  }

  std::vector<std::string> changed_among(
      const RevisionGraph& graph, const std::vector<std::string>& heads,
      const std::unordered_map<std::string, std::string>& recorded) {
    const auto applied = runner::applied_mask(graph, heads);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < graph.size(); ++i) {
      const auto& revision = graph.revisions()[i];
      const auto found = recorded.find(revision.id);
      if (applied[i] && found != recorded.end() &&
          !runner::checksum_matches(revision, found->second)) {
        ids.push_back(revision.id);
      }
    }
    return ids;
  }

  void refuse_changed(const RevisionGraph& graph) {
    if (!options_.compare_checksums) return;
    if (options_.allow_changed) {
      accept_changed(graph);
      return;
    }
    refuse(graph, changed(graph));
  }

  // --allow-changed: the changed files' checksums are recorded (as a stamp: no SQL ran), under
  // the lock, so that the next run passes without the flag.
  void accept_changed(const RevisionGraph& graph) {
    runner::SessionTransaction transaction(*session_);
    const auto ids =
        changed_among(graph, runner::read_heads(*session_), runner::recorded_checksums(*session_));
    for (const auto& id : ids) {
      runner::add_history(*session_, id, runner::revision_checksum(graph.at(id)), "stamp", 0);
    }
    transaction.commit();
  }

  void refuse(const RevisionGraph& graph, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    std::vector<std::string> labels;
    for (const auto& id : ids) labels.push_back(revision_label(graph.at(id)));
    throw Error(ErrorKind::check,
                fmt::format("{} changed since it was applied to '{}' (its checksum differs "
                            "from the one recorded then); restore the file, or run upgrade with "
                            "--allow-changed to accept the change",
                            fmt::join(labels, ", "), session_->database()));
  }

  // A revision generated for another dialect is refused before anything runs.
  void refuse_other_dialect(const RevisionGraph& graph) {
    runner::refuse_other_dialect(graph, session_->dialect(),
                                 fmt::format("database '{}'", session_->database()));
  }

  void run(const RevisionGraph& graph, const std::vector<std::string>& plan, Direction direction,
           Reporter& reporter) {
    backed_up_ = false;
    bool first = true;  // until the run applies its first revision
    for (std::size_t i = 0; i < plan.size(); ++i) {
      const Revision& revision = graph.at(plan[i]);
      apply(graph, revision, direction, reporter,
            {.planned = std::span(plan).subspan(i),
             .drops_unknown = drops_unknown(graph, revision, direction),
             .first = first});
    }
  }

  // Whether the revision's rebuilds drop what the live tables hold beyond the revision's idea of
  // them (only with drop_unknown: else that is refused here, before anything is written). Read
  // before the revision's transaction; a revision another run applied meanwhile is not
  // compared.
  bool drops_unknown(const RevisionGraph& graph, const Revision& revision, Direction direction) {
    return runner::still_needed(graph, runner::read_heads(*session_), revision, direction) &&
           runner::refuse_unknown_on_rebuild(*session_, revision, direction, options_.drop_unknown);
  }

  // Once per run, before the first revision that can lose data, under the lock (in that
  // revision's transaction): the state that revision starts from.
  void back_up(Reporter& reporter) {
    if (backed_up_) return;
    backed_up_ = true;
    const auto backup = session_->back_up();
    if (!backup.empty()) reporter.backup_written(backup);
  }

  std::vector<std::string> stamp(const RevisionGraph& graph, std::string_view target) {
    checked_heads_.reset();
    runner::SessionTransaction transaction(*session_);  // holds the run lock: waits for others
    runner::create_tables(*session_);
    auto heads = runner::read_heads(*session_);
    std::vector<std::string> stamped;
    if (target == "base") {
      heads.clear();
    } else if (target == "heads") {
      heads = graph.heads();
      stamped = heads;
    } else {
      const auto& id = target == "head" ? single_head(graph) : graph.find(target).id;
      heads = runner::heads_after_stamp(graph, heads, id);
      stamped.push_back(id);
    }
    runner::write_heads(*session_, heads);
    for (const auto& id : stamped) {
      runner::add_history(*session_, id, runner::revision_checksum(graph.at(id)), "stamp", 0);
    }
    transaction.commit();
    return heads;
  }

 private:
  static const std::string& single_head(const RevisionGraph& graph) {
    if (graph.heads().size() != 1) {
      throw RevisionGraphError(
          GraphErrorReason::multiple_heads, graph.heads(),
          fmt::format("the revisions have {} heads ({}); name one, or stamp 'heads'",
                      graph.heads().size(), fmt::join(graph.heads(), ", ")));
    }
    return graph.heads().front();
  }

  // What apply() needs of the run: the revisions planned from this one on, whether this one's
  // rebuilds drop what it does not know, and whether the run has yet to apply anything.
  struct RunState {
    std::span<const std::string> planned;
    bool drops_unknown;
    bool& first;
  };

  void apply(const RevisionGraph& graph, const Revision& revision, Direction direction,
             Reporter& reporter, RunState run) {
    const auto needs = section_needs(revision, direction_name(direction));
    const runner::ForeignKeysOff foreign_keys(*session_, needs.foreign_keys_off);
    if (needs.no_transaction) {
      apply_outside_transaction(graph, revision, direction, reporter, run);
      return;
    }
    runner::SessionTransaction transaction(*session_);  // holds the run lock: waits for others
    const auto heads = heads_to_apply(graph, revision, direction, reporter, run);
    if (!heads) return;  // another run did it; rolling back leaves no trace of this one
    reporter.running(revision, direction_name(direction));
    const auto start = std::chrono::steady_clock::now();
    session_->run_section(section_run(revision, direction, false), reporter);
    record(graph, revision, direction, *heads, start, transaction, false);
  }

  // A section with `Transaction: none`: the checks in one transaction, the statements outside
  // any (each commits as it ends), then the version row in a short transaction of its own.
  // PostgreSQL's run lock is held throughout; SQLite's is not between the transactions, so the
  // second one re-reads the version table.
  void apply_outside_transaction(const RevisionGraph& graph, const Revision& revision,
                                 Direction direction, Reporter& reporter, RunState run) {
    {
      runner::SessionTransaction check(*session_);
      if (!heads_to_apply(graph, revision, direction, reporter, run)) return;
      check.commit();  // keeps the version tables it may have created, and the backup's state
    }
    reporter.running(revision, direction_name(direction));
    const auto start = std::chrono::steady_clock::now();
    session_->run_section(section_run(revision, direction, true), reporter);
    runner::SessionTransaction transaction(*session_);
    const auto heads = runner::read_heads(*session_);
    if (!runner::still_needed(graph, heads, revision, direction)) return;  // another run's record
    record(graph, revision, direction, heads, start, transaction, true);
  }

  SectionRun section_run(const Revision& revision, Direction direction, bool outside) const {
    return {.revision = revision,
            .direction = direction_name(direction),
            .sql = runner::section_of(revision, direction),
            .first_line = runner::first_line_of_section(revision, direction),
            .rebuilt = rebuilt_names(revision, direction_name(direction)),
            .outside_transaction = outside};
  }

  // In the revision's transaction, under the lock: the heads it starts from, or nullopt when
  // another run applied (or reverted) it meanwhile. Backs up first when the run needs it.
  std::optional<std::vector<std::string>> heads_to_apply(const RevisionGraph& graph,
                                                         const Revision& revision,
                                                         Direction direction, Reporter& reporter,
                                                         RunState run) {
    runner::create_tables(*session_);
    auto heads = runner::read_heads(*session_);
    if (!options_.allow_changed && checked_heads_ && heads != *checked_heads_) {
      // Another run moved the database since the check: what it applied is checked now,
      // under the lock, against this run's files.
      refuse(graph, changed_among(graph, heads, runner::recorded_checksums(*session_)));
    }
    if (!runner::still_needed(graph, heads, revision, direction)) return std::nullopt;
    // A destructive revision still to run is backed up for before anything of the run is
    // applied; if none is, none will be (another run can only apply some meanwhile).
    const bool first = std::exchange(run.first, false);
    if (run.drops_unknown ||
        (first && runner::destructive_ahead(graph, heads, run.planned, direction))) {
      back_up(reporter);
    }
    return heads;
  }

  // After the section ran: the foreign-key check, the version and history rows, the commit.
  void record(const RevisionGraph& graph, const Revision& revision, Direction direction,
              const std::vector<std::string>& heads, std::chrono::steady_clock::time_point start,
              runner::SessionTransaction& transaction, bool outside) {
    session_->check_foreign_keys(revision, direction_name(direction));
    auto heads_after = direction == Direction::upgrade
                           ? heads_after_upgrade(graph, heads, revision.id)
                           : heads_after_downgrade(graph, heads, revision.id);
    runner::write_heads(*session_, heads_after);
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    runner::add_history(*session_, revision.id, runner::revision_checksum(revision),
                        direction_name(direction), elapsed.count());
    try {
      transaction.commit();  // a full disk often shows only here, when the pages are written
    } catch (const DatabaseError& error) {
      throw DatabaseError(
          error, error.kind(),
          outside ? fmt::format("{}: {}; its {} section ran outside a transaction and stays "
                                "applied, but {} {} is not recorded in the version table: once "
                                "the database is fixed, record it with 'dbmigrate stamp'",
                                revision_label(revision), error.what(), direction_name(direction),
                                direction_name(direction), revision.id)
                  : fmt::format("{}: {}; {} {} was rolled back and the version table left "
                                "as it was",
                                revision_label(revision), error.what(), direction_name(direction),
                                revision.id));
    }
    if (checked_heads_) {  // this run's own work needs no second look
      std::sort(heads_after.begin(), heads_after.end());
      checked_heads_ = std::move(heads_after);
    }
  }

  std::unique_ptr<Session> session_;
  RunnerOptions options_;
  bool backed_up_ = false;                                 // in this run
  std::optional<std::vector<std::string>> checked_heads_;  // heads whose revisions were checked
};

Runner::Runner(std::unique_ptr<Session> session, RunnerOptions options)
    : impl_(std::make_unique<Impl>(std::move(session), std::move(options))) {}
Runner::Runner(Runner&&) noexcept = default;
Runner& Runner::operator=(Runner&&) noexcept = default;
Runner::~Runner() = default;

std::vector<std::string> Runner::current_heads() {
  return impl_->guarded([&] { return impl_->heads(); });
}

std::vector<HistoryEntry> Runner::history() {
  return impl_->guarded([&] { return impl_->history(); });
}

Snapshot Runner::schema() {
  return impl_->guarded([&] { return impl_->schema(); });
}

std::string Runner::schema_fingerprint() {
  return impl_->guarded([&] { return impl_->schema_fingerprint(); });
}

std::vector<std::string> Runner::upgrade(const RevisionGraph& graph, std::string_view target,
                                         Reporter& reporter) {
  return impl_->guarded([&] {
    impl_->refuse_other_dialect(graph);
    impl_->refuse_changed(graph);
    impl_->run(graph, upgrade_plan(graph, impl_->heads(), target), Direction::upgrade, reporter);
    return impl_->heads();
  });
}

std::vector<std::string> Runner::downgrade(const RevisionGraph& graph, std::string_view target,
                                           Reporter& reporter) {
  return impl_->guarded([&] {
    // A downgrade runs the file's downgrade section as it is now: an edit since the upgrade
    // may no longer undo what ran.
    impl_->refuse_other_dialect(graph);
    impl_->refuse_changed(graph);
    impl_->run(graph, downgrade_plan(graph, impl_->heads(), target), Direction::downgrade,
               reporter);
    return impl_->heads();
  });
}

std::vector<std::string> Runner::stamp(const RevisionGraph& graph, std::string_view target) {
  return impl_->guarded([&] { return impl_->stamp(graph, target); });
}

std::vector<std::string> Runner::changed_revisions(const RevisionGraph& graph) {
  return impl_->guarded([&] { return impl_->changed(graph); });
}

}  // namespace dbmigrate
