// SPDX-License-Identifier: GPL-3.0-or-later
// VideoPlayer pacing over a virtual clock: each frame appears at the clock time its
// timestamp says (never early), at 1x and 0.5x, through pause, speed change, replay and
// loop; and the frame queue stays bounded.
#include "drivers/video/video_player.h"

#include <chrono>
#include <map>
#include <thread>

#include "video_test_support.h"

namespace kiosk::drivers::video {
namespace {

using test::video::fixture;

constexpr std::int64_t kStart = 10'000;   // virtual clock at open; any origin works
constexpr std::int64_t kStep = 5;         // ms; divides 40 and 80, so "due" is hit exactly

// Steps the virtual clock from `from` to `to` and records when each frame index first
// shows, and its pts.
struct Shown { std::int64_t at; std::int64_t pts; };
std::map<std::uint64_t, Shown> run(VideoPlayer& player, std::int64_t& now, std::int64_t to) {
  std::map<std::uint64_t, Shown> shown;
  for (; now <= to; now += kStep) {
    const VideoFrame* f = player.frame_for(now, FrameWait::UntilDue);
    if (f != nullptr && shown.find(f->index) == shown.end()) shown[f->index] = {now, f->pts_ms};
  }
  now -= kStep;   // leave the clock at the last time used
  return shown;
}

class VideoPlayerPacing : public ::testing::Test {
 protected:
  std::int64_t now = kStart;
  VideoPlayer player{[this] { return now; }};
};

TEST_F(VideoPlayerPacing, ShowsEachFrameWhenDueAtNormalSpeed) {
  ASSERT_TRUE(player.open(fixture("h264.mp4")).ok());
  player.play();
  auto shown = run(player, now, kStart + 2200);
  ASSERT_EQ(shown.size(), 50u);
  for (const auto& [index, s] : shown) {
    EXPECT_EQ(s.pts, static_cast<std::int64_t>(index) * 40);
    EXPECT_EQ(s.at, kStart + s.pts) << "frame " << index << " shown early or late";
  }
  EXPECT_EQ(player.state(), PlayerState::Ended);
  EXPECT_EQ(player.stats().dropped, 0u);
  EXPECT_EQ(player.stats().shown, 50u);
}

TEST_F(VideoPlayerPacing, HalfSpeedShowsEachFrameTwiceAsLate) {
  ASSERT_TRUE(player.open(fixture("vp9.webm")).ok());
  player.set_speed(0.5);
  player.play();
  auto shown = run(player, now, kStart + 4200);
  ASSERT_EQ(shown.size(), 50u);
  for (const auto& [index, s] : shown) {
    EXPECT_EQ(s.at, kStart + 2 * s.pts) << "frame " << index;
  }
  EXPECT_EQ(player.state(), PlayerState::Ended);
}

TEST_F(VideoPlayerPacing, NeverShowsAFrameBeforeItsTimeWithCoarseSteps) {
  // A clock stepping 50 ms (slower than the clip's 40 ms frames) skips some frames: they
  // are overtaken (dropped), but a frame is never shown early, nor after a later one is due.
  ASSERT_TRUE(player.open(fixture("h264.mp4")).ok());
  player.play();
  std::uint64_t last = 0;
  for (; now < kStart + 2000; now += 50) {
    const VideoFrame* f = player.frame_for(now, FrameWait::UntilDue);
    ASSERT_NE(f, nullptr);
    EXPECT_LE(kStart + f->pts_ms, now);
    EXPECT_GT(kStart + f->pts_ms + 40, now) << "a later frame was due but not shown";
    EXPECT_GE(f->index, last);
    last = f->index;
  }
  const PlayerStats stats = player.stats();
  EXPECT_EQ(stats.shown + stats.dropped, 49u);   // frame 49 (1960 ms) is not due by 1950
  EXPECT_EQ(stats.shown, 40u);                   // one per step: 0, 50, ..., 1950
  EXPECT_EQ(stats.dropped, 9u);
}

TEST_F(VideoPlayerPacing, ReadyShowsTheFirstFrameAndHoldsIt) {
  ASSERT_TRUE(player.open(fixture("h264.mp4")).ok());
  EXPECT_EQ(player.state(), PlayerState::Ready);
  now += 1000;
  const VideoFrame* f = player.frame_for(now, FrameWait::UntilDue);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->index, 0u);
}

TEST_F(VideoPlayerPacing, PauseHoldsTheFrameAndResumeContinuesFromIt) {
  ASSERT_TRUE(player.open(fixture("h264.mp4")).ok());
  player.play();
  run(player, now, kStart + 500);
  player.pause();
  EXPECT_EQ(player.state(), PlayerState::Paused);
  const std::uint64_t held = player.frame_for(now, FrameWait::UntilDue)->index;
  EXPECT_EQ(held, 12u);   // pts 480 <= 500 < 520
  const std::int64_t paused_at = now;
  now += 3000;
  EXPECT_EQ(player.frame_for(now, FrameWait::UntilDue)->index, held);
  player.play();
  const std::int64_t resumed_at = now;
  auto shown = run(player, now, now + 1000);
  ASSERT_TRUE(shown.count(13));
  // Frame 13 (pts 520) was 20 ms of media away when paused.
  EXPECT_EQ(shown[13].at, resumed_at + 20);
  EXPECT_EQ(paused_at + 3000, resumed_at);
}

TEST_F(VideoPlayerPacing, SpeedChangeKeepsThePositionAndSlowsWhatFollows) {
  ASSERT_TRUE(player.open(fixture("h264.mp4")).ok());
  player.play();
  run(player, now, kStart + 400);   // media 400 = frame 10
  player.set_speed(0.5);
  const std::int64_t changed_at = now;
  auto shown = run(player, now, now + 400);
  ASSERT_TRUE(shown.count(11));
  ASSERT_TRUE(shown.count(12));
  EXPECT_EQ(shown[11].at, changed_at + 80);    // 40 ms of media at half speed
  EXPECT_EQ(shown[12].at, changed_at + 160);
  player.set_speed(7.0);                       // clamped to 1x
  const std::int64_t fast_at = now;            // media = 400 + 200 = 600 = frame 15
  shown = run(player, now, now + 100);
  ASSERT_TRUE(shown.count(16));
  EXPECT_EQ(shown[16].at, fast_at + 40);
}

TEST_F(VideoPlayerPacing, ReplayStartsOverAfterTheEnd) {
  ASSERT_TRUE(player.open(fixture("h264.mp4")).ok());
  player.play();
  run(player, now, kStart + 2100);
  ASSERT_EQ(player.state(), PlayerState::Ended);
  auto events = player.poll_events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, VideoEventKind::Ended);
  // The last frame stays up after the end.
  EXPECT_EQ(player.frame_for(now + 500, FrameWait::UntilDue)->index, 49u);

  now += 1000;
  player.replay();
  const std::int64_t replay_at = now;
  auto shown = run(player, now, now + 2100);
  ASSERT_EQ(shown.size(), 50u);
  EXPECT_EQ(shown[0].at, replay_at);
  EXPECT_EQ(shown[49].at, replay_at + 1960);
  EXPECT_EQ(player.state(), PlayerState::Ended);
}

TEST_F(VideoPlayerPacing, ReplayMidwayDropsTheOldFrames) {
  ASSERT_TRUE(player.open(fixture("h264.mp4")).ok());
  player.play();
  run(player, now, kStart + 1000);
  player.replay();
  const VideoFrame* f = player.frame_for(now, FrameWait::UntilDue);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->index, 0u);
  EXPECT_EQ(f->pts_ms, 0);
}

TEST_F(VideoPlayerPacing, LoopKeepsGoingWithRisingTimestamps) {
  ASSERT_TRUE(player.open(fixture("h264.mp4"), LoopMode::Loop).ok());
  player.play();
  auto shown = run(player, now, kStart + 5000);
  EXPECT_EQ(player.state(), PlayerState::Playing);
  ASSERT_GE(shown.size(), 125u);   // 5 s at 25 fps, across two loop points
  for (const auto& [index, s] : shown) {
    EXPECT_EQ(s.pts, static_cast<std::int64_t>(index) * 40) << "frame " << index;
    EXPECT_EQ(s.at, kStart + s.pts);
  }
  player.set_loop(LoopMode::Once);
  run(player, now, now + 2100);
  EXPECT_EQ(player.state(), PlayerState::Ended);
}

TEST(VideoPlayer, DecodesAheadNoFurtherThanTheQueue) {
  std::int64_t now = 0;
  VideoPlayer player([&] { return now; }, 3);
  ASSERT_TRUE(player.open(fixture("h264.mp4")).ok());
  player.play();
  // Nobody takes frames: the worker must stop after filling the queue.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (player.stats().decoded < 3 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(player.stats().decoded, 3u);
  // Taking one frame frees one place.
  ASSERT_NE(player.frame_for(0, FrameWait::UntilDue), nullptr);
  const auto give_up2 = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (player.stats().decoded < 4 && std::chrono::steady_clock::now() < give_up2) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(player.stats().decoded, 4u);
}

TEST(VideoPlayer, ReopensAnotherClipAndClosesCleanly) {
  std::int64_t now = 0;
  VideoPlayer player([&] { return now; });
  for (int round = 0; round < 3; ++round) {
    ASSERT_TRUE(player.open(fixture(round % 2 == 0 ? "h264.mp4" : "vp9.webm")).ok());
    player.play();
    now += 200;
    ASSERT_NE(player.frame_for(now, FrameWait::UntilDue), nullptr);
  }
  player.close();
  EXPECT_EQ(player.state(), PlayerState::Closed);
  EXPECT_EQ(player.frame_for(now), nullptr);
}

}  // namespace
}  // namespace kiosk::drivers::video
