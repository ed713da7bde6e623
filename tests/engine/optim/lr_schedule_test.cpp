#include "optim/lr_schedule.h"

#include <gtest/gtest.h>

namespace tunebench {
namespace {

TEST(LrScheduleTest, ConstantStaysPut) {
  LrSchedule schedule(ScheduleSpec{}, 0.1, 10, 100);
  EXPECT_DOUBLE_EQ(schedule.lrAt(0), 0.1);
  EXPECT_DOUBLE_EQ(schedule.lrAt(99), 0.1);
}

TEST(LrScheduleTest, StepDecaysEveryStepEpochs) {
  ScheduleSpec spec;
  spec.kind = ScheduleKind::kStep;
  spec.step_epochs = 2;
  spec.gamma = 0.5;
  LrSchedule schedule(spec, 0.1, 10, 100);     // 10 steps per epoch
  EXPECT_DOUBLE_EQ(schedule.lrAt(19), 0.1);    // epoch 1
  EXPECT_DOUBLE_EQ(schedule.lrAt(20), 0.05);   // epoch 2
  EXPECT_DOUBLE_EQ(schedule.lrAt(45), 0.025);  // epoch 4
}

TEST(LrScheduleTest, CosineRunsFromLrToTheFloor) {
  ScheduleSpec spec;
  spec.kind = ScheduleKind::kCosine;
  spec.min_lr_factor = 0.1;
  LrSchedule schedule(spec, 1.0, 10, 101);
  EXPECT_DOUBLE_EQ(schedule.lrAt(0), 1.0);
  EXPECT_NEAR(schedule.lrAt(50), 0.55, 1e-12);  // halfway: the mean of 1 and 0.1
  EXPECT_NEAR(schedule.lrAt(100), 0.1, 1e-12);
}

TEST(LrScheduleTest, WarmupRampsLinearlyThenHandsOver) {
  ScheduleSpec spec;
  spec.warmup_steps = 4;
  LrSchedule schedule(spec, 0.8, 10, 100);
  EXPECT_DOUBLE_EQ(schedule.lrAt(0), 0.2);
  EXPECT_DOUBLE_EQ(schedule.lrAt(1), 0.4);
  EXPECT_DOUBLE_EQ(schedule.lrAt(3), 0.8);
  EXPECT_DOUBLE_EQ(schedule.lrAt(4), 0.8);
}

}  // namespace
}  // namespace tunebench
