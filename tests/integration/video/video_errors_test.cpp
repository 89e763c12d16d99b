// SPDX-License-Identifier: GPL-3.0-or-later
// A missing, empty, garbage, soundless-only, truncated or damaged clip: the player reports
// an error (or plays what it can) and never crashes or hangs.
#include <chrono>

#include "drivers/video/clip_decoder.h"
#include "drivers/video/video_player.h"
#include "video_test_support.h"

namespace kiosk::drivers::video {
namespace {

using test::video::fixture;
using test::video::TempDir;

void expect_open_fails(const std::string& path, VideoErrorCode code) {
  std::int64_t now = 0;
  VideoPlayer player([&] { return now; });
  const VideoError error = player.open(path);
  EXPECT_EQ(error.code, code) << error.message;
  EXPECT_NE(error.message.find(path), std::string::npos) << "the log line names the clip";
  EXPECT_EQ(player.state(), PlayerState::Failed);
  auto events = player.poll_events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, VideoEventKind::Error);
  EXPECT_EQ(events[0].error.code, code);
  // Every call stays harmless afterwards.
  player.play();
  player.replay();
  player.set_speed(0.5);
  EXPECT_EQ(player.frame_for(1000, FrameWait::UntilDue), nullptr);
  EXPECT_TRUE(player.poll_events().empty());
}

TEST(VideoErrors, MissingClipIsAnErrorNotACrash) {
  TempDir tmp;
  expect_open_fails(tmp.file("no_such_clip.mp4"), VideoErrorCode::NotFound);
}

TEST(VideoErrors, EmptyFileFailsToOpen) {
  TempDir tmp;
  test::video::write_bytes(tmp.file("empty.mp4"), {});
  expect_open_fails(tmp.file("empty.mp4"), VideoErrorCode::OpenFailed);
}

TEST(VideoErrors, GarbageFileFailsToOpen) {
  TempDir tmp;
  std::vector<char> bytes(40'000);
  test::video::fill_noise(bytes, 0, bytes.size(), 7);
  test::video::write_bytes(tmp.file("garbage.mp4"), bytes);
  expect_open_fails(tmp.file("garbage.mp4"), VideoErrorCode::OpenFailed);
}

TEST(VideoErrors, SoundOnlyFileHasNoVideoStream) {
  expect_open_fails(fixture("audio_only.m4a"), VideoErrorCode::NoVideoStream);
}

// Plays a damaged clip on a virtual clock to well past its end; returns the final state.
PlayerState play_through(VideoPlayer& player, std::int64_t& now, std::uint64_t& frames) {
  player.play();
  frames = 0;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  for (int i = 0; i < 120 && std::chrono::steady_clock::now() < give_up; ++i) {
    now += 40;
    if (player.frame_for(now, FrameWait::UntilDue) != nullptr) ++frames;
  }
  return player.state();
}

TEST(VideoErrors, TruncatedClipEndsEarlyWithoutHanging) {
  TempDir tmp;
  std::vector<char> bytes = test::video::read_bytes(fixture("h264.mp4"));
  bytes.resize(bytes.size() * 4 / 10);   // moov is at the front (faststart): half the frames
  test::video::write_bytes(tmp.file("truncated.mp4"), bytes);
  std::int64_t now = 0;
  VideoPlayer player([&] { return now; });
  if (!player.open(tmp.file("truncated.mp4")).ok()) {
    GTEST_SKIP() << "FFmpeg refused the truncated file at open, which is also fine";
  }
  std::uint64_t frames = 0;
  const PlayerState end = play_through(player, now, frames);
  EXPECT_TRUE(end == PlayerState::Ended || end == PlayerState::Failed);
  EXPECT_FALSE(player.poll_events().empty());
  EXPECT_LT(player.stats().decoded, 50u);
}

TEST(VideoErrors, DamagedPayloadIsSurvived) {
  for (const char* name : {"h264.mp4", "vp9.webm"}) {
    SCOPED_TRACE(name);
    TempDir tmp;
    std::vector<char> bytes = test::video::read_bytes(fixture(name));
    // Keep the container headers (first 2 KB); scramble most of the pictures.
    test::video::fill_noise(bytes, 2048, bytes.size() - 256, 99);
    const std::string path = tmp.file(std::string("damaged_") + name);
    test::video::write_bytes(path, bytes);
    std::int64_t now = 0;
    VideoPlayer player([&] { return now; });
    const VideoError opened = player.open(path);
    if (!opened.ok()) {
      EXPECT_EQ(player.state(), PlayerState::Failed);
      EXPECT_EQ(player.poll_events().size(), 1u);
      continue;
    }
    std::uint64_t frames = 0;
    const PlayerState end = play_through(player, now, frames);
    EXPECT_TRUE(end == PlayerState::Ended || end == PlayerState::Failed)
        << "still " << static_cast<int>(end) << " after 4.8 s of a 2 s clip";
    auto events = player.poll_events();
    ASSERT_EQ(events.size(), 1u);
    // Replay after damage is harmless too.
    player.replay();
    play_through(player, now, frames);
  }
}

TEST(VideoErrors, DecoderReportsAClipWithoutPictures) {
  // A container whose video packets are all noise: no picture ever decodes.
  TempDir tmp;
  std::vector<char> bytes = test::video::read_bytes(fixture("h264.mp4"));
  test::video::fill_noise(bytes, 2048, bytes.size() - 64, 3);
  test::video::write_bytes(tmp.file("nopic.mp4"), bytes);
  ClipDecoder decoder;
  if (!decoder.open(tmp.file("nopic.mp4")).ok()) GTEST_SKIP() << "refused at open";
  VideoFrame frame;
  VideoError error;
  DecodeStatus status = DecodeStatus::Frame;
  int frames = 0;
  for (int i = 0; i < 200 && status == DecodeStatus::Frame; ++i) {
    status = decoder.next(frame, error);
    if (status == DecodeStatus::Frame) ++frames;
  }
  EXPECT_NE(status, DecodeStatus::Frame) << "the decoder must come to an end";
  if (status == DecodeStatus::Error) {
    EXPECT_FALSE(error.ok());
    EXPECT_FALSE(error.message.empty());
  }
}

}  // namespace
}  // namespace kiosk::drivers::video
