// The trial life cycle as one table: every state against every event, what the one transition
// function decides. The storage contract suite (storage_test.cpp) checks that the memory,
// SQLite and PostgreSQL backends persist exactly these decisions.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "trial/trial_lifecycle.h"

namespace tunebench {
namespace {

constexpr TrialState kAllStates[] = {
    TrialState::kWaiting,  TrialState::kRunning,     TrialState::kComplete, TrialState::kPruned,
    TrialState::kDiverged, TrialState::kInterrupted, TrialState::kStale,    TrialState::kFailed};

struct Row {
  const char* what;
  TrialState from;
  TrialEvent event;
  bool applies;
  TrialState to;
  bool take_worker, beat, store_result, queue_copy;
  const char* reason;
};

TrialEvent finishAs(TrialState result) {
  TrialEvent event{TrialEventKind::kFinish};
  event.result = result;
  return event;
}

TrialEvent silentFor(double seconds, int attempts, int max_attempts) {
  TrialEvent event{TrialEventKind::kSilent};
  event.silent_seconds = seconds;
  event.attempts = attempts;
  event.max_attempts = max_attempts;
  return event;
}

// The holder of every RUNNING trial below is "vm:1".
const std::vector<Row>& table() {
  static const std::vector<Row> rows = {
      {"a waiting trial is claimed",
       TrialState::kWaiting,
       {TrialEventKind::kClaim, "vm:2"},
       true,
       TrialState::kRunning,
       true,
       true,
       false,
       false,
       ""},
      {"its worker keeps it alive",
       TrialState::kRunning,
       {TrialEventKind::kHeartbeat, "vm:1"},
       true,
       TrialState::kRunning,
       false,
       true,
       false,
       false,
       ""},
      {"another worker's heartbeat is refused",
       TrialState::kRunning,
       {TrialEventKind::kHeartbeat, "vm:9"},
       false,
       TrialState::kWaiting,
       false,
       false,
       false,
       false,
       ""},
      {"a heartbeat after a stale mark is refused",
       TrialState::kStale,
       {TrialEventKind::kHeartbeat, "vm:1"},
       false,
       TrialState::kWaiting,
       false,
       false,
       false,
       false,
       ""},
      {"it completes", TrialState::kRunning, finishAs(TrialState::kComplete), true,
       TrialState::kComplete, false, false, true, false, ""},
      {"it is pruned", TrialState::kRunning, finishAs(TrialState::kPruned), true,
       TrialState::kPruned, false, false, true, false, ""},
      {"it diverges", TrialState::kRunning, finishAs(TrialState::kDiverged), true,
       TrialState::kDiverged, false, false, true, false, ""},
      {"it fails", TrialState::kRunning, finishAs(TrialState::kFailed), true, TrialState::kFailed,
       false, false, true, false, ""},
      {"it is stopped: a copy waits for the resume", TrialState::kRunning,
       finishAs(TrialState::kInterrupted), true, TrialState::kInterrupted, false, false, true, true,
       ""},
      {"a late finish of a stale trial writes nothing", TrialState::kStale,
       finishAs(TrialState::kComplete), false, TrialState::kWaiting, false, false, false, false,
       ""},
      {"a late stop of a stale trial queues no second copy", TrialState::kStale,
       finishAs(TrialState::kInterrupted), false, TrialState::kWaiting, false, false, false, false,
       ""},
      {"a finished trial is not finished again", TrialState::kComplete,
       finishAs(TrialState::kFailed), false, TrialState::kWaiting, false, false, false, false, ""},
      {"its worker is gone: interrupted, a copy queued",
       TrialState::kRunning,
       {TrialEventKind::kWorkerGone},
       true,
       TrialState::kInterrupted,
       false,
       false,
       false,
       true,
       "interrupted: its worker vm:1 stopped"},
      {"silent: stale, a copy queued", TrialState::kRunning, silentFor(31.2, 1, 3), true,
       TrialState::kStale, false, false, false, true,
       "stale: no heartbeat from vm:1 for 31 s; queued again"},
      {"silent with its attempts used up: stale, no copy", TrialState::kRunning,
       silentFor(40, 3, 3), true, TrialState::kStale, false, false, false, false,
       "stale: no heartbeat from vm:1 for 40 s; not queued again: tried 3 times"},
  };
  return rows;
}

TEST(TrialLifecycleTest, EachRowOfTheTableIsWhatTheTransitionFunctionDecides) {
  for (const Row& row : table()) {
    SCOPED_TRACE(row.what);
    const TrialTransition next = nextTransition({row.from, "vm:1"}, row.event);
    EXPECT_EQ(next.applies, row.applies);
    if (!next.applies) continue;
    EXPECT_EQ(trialStateName(next.to), trialStateName(row.to));
    EXPECT_EQ(next.take_worker, row.take_worker);
    EXPECT_EQ(next.beat, row.beat);
    EXPECT_EQ(next.store_result, row.store_result);
    EXPECT_EQ(next.queue_copy, row.queue_copy);
    EXPECT_EQ(next.reason, row.reason);
  }
}

// Outside the table's rows: an event applies only from the states its precondition names (what
// the SQL backends select by), and from no final state at all.
TEST(TrialLifecycleTest, EveryEventAppliesOnlyFromTheStatesItAccepts) {
  const TrialEvent events[] = {{TrialEventKind::kClaim, "vm:1"},
                               {TrialEventKind::kHeartbeat, "vm:1"},
                               finishAs(TrialState::kComplete),
                               {TrialEventKind::kWorkerGone},
                               silentFor(60, 1, 3)};
  for (const TrialEvent& event : events) {
    const std::vector<TrialState> accepting = preconditionOf(event.kind).states;
    for (const TrialState state : kAllStates) {
      SCOPED_TRACE(trialStateName(state));
      const bool accepted = std::find(accepting.begin(), accepting.end(), state) != accepting.end();
      EXPECT_EQ(nextTransition({state, "vm:1"}, event).applies, accepted);
      if (isFinal(state)) EXPECT_FALSE(accepted);
    }
  }
}

TEST(TrialLifecycleTest, AFinishThatReportsNoFinalStateIsACallersBug) {
  EXPECT_THROW(nextTransition({TrialState::kRunning, "vm:1"}, finishAs(TrialState::kRunning)),
               std::invalid_argument);
  EXPECT_THROW(nextTransition({TrialState::kRunning, "vm:1"}, finishAs(TrialState::kWaiting)),
               std::invalid_argument);
}

// What the SQL backends write in the one statement that checks the precondition is the machine's
// own answer for a trial that meets it; events whose outcome depends on more refuse.
TEST(TrialLifecycleTest, TheOneStatementWritesWhatTheMachineDecidesForAnAcceptedTrial) {
  const TrialEvent events[] = {{TrialEventKind::kClaim, "vm:1"},
                               {TrialEventKind::kHeartbeat, "vm:1"},
                               finishAs(TrialState::kInterrupted),
                               finishAs(TrialState::kPruned)};
  for (const TrialEvent& event : events) {
    const TrialPrecondition rule = preconditionOf(event.kind);
    ASSERT_EQ(rule.states.size(), 1u);
    const TrialTransition direct = nextTransition({rule.states.front(), "vm:1"}, event);
    const TrialTransition one = transitionWhereAccepted(event);
    EXPECT_TRUE(one.applies);
    EXPECT_EQ(trialStateName(one.to), trialStateName(direct.to));
    EXPECT_EQ(one.take_worker, direct.take_worker);
    EXPECT_EQ(one.beat, direct.beat);
    EXPECT_EQ(one.queue_copy, direct.queue_copy);
    EXPECT_EQ(one.reason, direct.reason);
  }
  EXPECT_TRUE(preconditionOf(TrialEventKind::kHeartbeat).held_by_event_worker);
  EXPECT_FALSE(preconditionOf(TrialEventKind::kFinish).held_by_event_worker);
  EXPECT_THROW(transitionWhereAccepted({TrialEventKind::kWorkerGone}), std::logic_error);
  EXPECT_THROW(transitionWhereAccepted(silentFor(60, 1, 3)), std::logic_error);
}

}  // namespace
}  // namespace tunebench
