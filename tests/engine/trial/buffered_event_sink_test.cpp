#include "trial/buffered_event_sink.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace tunebench {
namespace {

TEST(BufferedEventSinkTest, NotifiesOncePerBatchAndHandsOverEverything) {
  std::atomic<int> notifications{0};
  BufferedEventSink sink([&] { ++notifications; });
  TrialStart start;
  start.trial_id = 3;
  start.configuration = "lr=0.1";
  sink.trialStarted(start);
  sink.trainLoss(3, {10, 0.5, 1.0, 0.1});
  sink.trainLoss(3, {20, 1.0, 0.8, 0.2});
  EXPECT_EQ(notifications.load(), 1);  // only the first event of a batch notifies
  TrainingEvents events = sink.take();
  ASSERT_EQ(events.started.size(), 1u);
  EXPECT_EQ(events.started[0].configuration, "lr=0.1");
  ASSERT_EQ(events.losses.size(), 2u);
  EXPECT_EQ(events.losses[1].second.step, 20);
  EXPECT_TRUE(sink.take().empty());
  sink.epochEnded(3, EpochMetrics{});
  EXPECT_EQ(notifications.load(), 2);
}

TEST(BufferedEventSinkTest, ConcurrentWorkersLoseNoEvent) {
  BufferedEventSink sink;
  std::atomic<bool> done{false};
  std::size_t drained = 0;
  std::thread drainer([&] {
    while (!done) drained += sink.take().losses.size();
  });
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w] {
      for (int i = 0; i < 5000; ++i) sink.trainLoss(w, {i, 0.0, 1.0, 0.0});
    });
  }
  for (auto& worker : workers) worker.join();
  done = true;
  drainer.join();
  drained += sink.take().losses.size();
  EXPECT_EQ(drained, 20000u);
}

}  // namespace
}  // namespace tunebench
