// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "kiosk/core/ui/commands.h"
#include "kiosk/core/flow/flow.h"
#include "kiosk/core/ui/focus_ring.h"
#include "kiosk/core/ui/keymap.h"
#include "kiosk/core/flow/session_timer.h"

using namespace kiosk::core;

TEST(FocusRing, NextWrapsToFirstItemAndSaysSo) {
  FocusRing ring;
  ring.reset({"a", "b", "c"});
  EXPECT_EQ(ring.current(), "a");
  EXPECT_FALSE(ring.next().wrapped);
  EXPECT_FALSE(ring.next().wrapped);
  EXPECT_EQ(ring.current(), "c");
  const FocusMove move = ring.next();
  EXPECT_TRUE(move.moved);
  EXPECT_TRUE(move.wrapped);
  EXPECT_EQ(ring.current(), "a");
}

TEST(FocusRing, PreviousFromFirstWrapsToLast) {
  FocusRing ring;
  ring.reset({"a", "b", "c"});
  EXPECT_TRUE(ring.previous().wrapped);
  EXPECT_EQ(ring.current(), "c");
  EXPECT_EQ(ring.index(), 2);
}

TEST(FocusRing, SingleItemNeverReportsWrap) {
  FocusRing ring;
  ring.reset({"only"});
  EXPECT_FALSE(ring.next().wrapped);
  EXPECT_EQ(ring.current(), "only");
}

TEST(FocusRing, FirstLastAndFocusById) {
  FocusRing ring;
  ring.reset({"a", "b", "c"}, 1);
  EXPECT_EQ(ring.current(), "b");
  ring.last();
  EXPECT_EQ(ring.current(), "c");
  ring.first();
  EXPECT_EQ(ring.current(), "a");
  EXPECT_TRUE(ring.focus("c"));
  EXPECT_FALSE(ring.focus("missing"));
  EXPECT_EQ(ring.current(), "c");
}

TEST(FocusRing, EmptyRingHasNoCurrent) {
  FocusRing ring;
  ring.reset({});
  EXPECT_EQ(ring.index(), -1);
  EXPECT_EQ(ring.current(), "");
  EXPECT_FALSE(ring.next().moved);
}

TEST(Commands, EveryCommandNameRoundTrips) {
  for (int i = 0; i < kCommandCount; ++i) {
    const auto command = static_cast<Command>(i);
    auto back = command_from_name(command_name(command));
    ASSERT_TRUE(back.has_value()) << command_name(command);
    EXPECT_EQ(*back, command);
  }
  EXPECT_FALSE(command_from_name("jump").has_value());
  EXPECT_EQ(command_digit(Command::Digit7), 7);
  EXPECT_FALSE(command_digit(Command::Select).has_value());
}

TEST(Keymap, RefusesOneKeyForTwoCommands) {
  Keymap keymap;
  EXPECT_TRUE(keymap.bind("Return", Command::Select));
  EXPECT_TRUE(keymap.bind("Return", Command::Select));
  EXPECT_FALSE(keymap.bind("Return", Command::Back));
  EXPECT_EQ(keymap.lookup("Return"), Command::Select);
  EXPECT_FALSE(keymap.lookup("Q").has_value());
}

TEST(Flow, BackKeepsEveryAnswer) {
  Flow flow("f", {"one", "two", "three"}, Submits::No);
  flow.set("one", "a");
  ASSERT_TRUE(flow.next());
  flow.set("two", "b");
  ASSERT_TRUE(flow.next());
  EXPECT_EQ(flow.step(), 3);
  EXPECT_EQ(flow.steps(), 3);
  ASSERT_TRUE(flow.back());
  ASSERT_TRUE(flow.back());
  EXPECT_FALSE(flow.back());
  EXPECT_EQ(flow.current(), "one");
  EXPECT_EQ(flow.get("one"), "a");
  EXPECT_EQ(flow.get("two"), "b");
}

TEST(Flow, SubmitNeedsConfirmationOnLastStep) {
  Flow flow("apply", {"form", "confirm"}, Submits::AfterConfirm);
  flow.confirm();   // not on the last step: ignored
  EXPECT_FALSE(flow.can_submit());
  flow.next();
  flow.confirm();
  EXPECT_TRUE(flow.can_submit());
  flow.set("x", "changed");   // a changed answer needs a fresh confirmation
  EXPECT_FALSE(flow.can_submit());
}

TEST(Flow, ReadOnlyFlowNeverSubmits) {
  Flow flow("guide", {"q", "result"}, Submits::No);
  flow.next();
  flow.confirm();
  EXPECT_FALSE(flow.can_submit());
}

TEST(SessionTimer, WarnsThenBeepsThenExpires) {
  SessionTimer timer(180'000, 45'000, 10'000);
  timer.start(0);
  EXPECT_EQ(timer.tick(179'999), TimerEvent::None);
  EXPECT_EQ(timer.tick(180'000), TimerEvent::Warning);
  EXPECT_EQ(timer.phase(), SessionPhase::Warning);
  // The warning counts down every whole second (issue 12), and beeps every ten.
  EXPECT_EQ(timer.seconds_left(180'000), 45);
  EXPECT_EQ(timer.next_deadline(), 181'000);
  EXPECT_EQ(timer.tick(180'999), TimerEvent::None);
  EXPECT_EQ(timer.tick(181'000), TimerEvent::Countdown);
  EXPECT_EQ(timer.seconds_left(181'000), 44);
  EXPECT_EQ(timer.tick(181'500), TimerEvent::None);
  EXPECT_EQ(timer.tick(189'999), TimerEvent::Countdown);
  EXPECT_EQ(timer.tick(190'000), TimerEvent::WarningBeep);
  EXPECT_EQ(timer.next_deadline(), 191'000);
  EXPECT_EQ(timer.tick(225'000), TimerEvent::Expired);
  EXPECT_EQ(timer.phase(), SessionPhase::None);
  EXPECT_EQ(timer.next_deadline(), -1);
}

TEST(SessionTimer, AnyInputExtendsAWarnedSession) {
  SessionTimer timer(180'000, 45'000);
  timer.start(0);
  EXPECT_FALSE(timer.input(100'000));
  EXPECT_EQ(timer.tick(279'999), TimerEvent::None);
  EXPECT_EQ(timer.tick(280'000), TimerEvent::Warning);
  EXPECT_TRUE(timer.input(300'000));
  EXPECT_EQ(timer.phase(), SessionPhase::Active);
  EXPECT_EQ(timer.next_deadline(), 480'000);
}
