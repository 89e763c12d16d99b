// SPDX-License-Identifier: GPL-3.0-or-later
// ClipDecoder against real FFmpeg: every frame of generated h264 and vp9 clips, their
// timestamps, the picture itself (compared with ffmpeg's own decode), and rewind.
#include "drivers/video/clip_decoder.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "video_test_support.h"

namespace kiosk::drivers::video {
namespace {

using test::video::fixture;

struct Decoded {
  std::vector<std::int64_t> pts;
  VideoFrame first;
  DecodeStatus last = DecodeStatus::Frame;
};

Decoded decode_all(ClipDecoder& decoder) {
  Decoded out;
  VideoFrame frame;
  VideoError error;
  for (int guard = 0; guard < 1000; ++guard) {
    out.last = decoder.next(frame, error);
    if (out.last != DecodeStatus::Frame) break;
    if (out.pts.empty()) out.first = frame;
    out.pts.push_back(frame.pts_ms);
  }
  return out;
}

void expect_two_seconds_at_25fps(const Decoded& d) {
  EXPECT_EQ(d.last, DecodeStatus::End);
  ASSERT_EQ(d.pts.size(), 50u);
  for (std::size_t i = 0; i < d.pts.size(); ++i) {
    EXPECT_EQ(d.pts[i], static_cast<std::int64_t>(i) * 40) << "frame " << i;
  }
  EXPECT_EQ(d.first.width, 640);
  EXPECT_EQ(d.first.height, 360);
  EXPECT_EQ(d.first.y.size(), 640u * 360u);
  EXPECT_EQ(d.first.u.size(), 320u * 180u);
  EXPECT_EQ(d.first.duration_ms, 40);
}

bool libavformat_is_mapped() {
  std::ifstream maps("/proc/self/maps");
  std::stringstream text;
  text << maps.rdbuf();
  return text.str().find("libavformat.so") != std::string::npos;
}

// FFmpeg's ~80 libraries are not mapped before main() (the kiosk's cold start): the
// driver is not linked against them (this binary links the driver: readelf finds no
// libav* among its needed libraries) and opens them with the first clip. ctest runs each
// test in its own process; run as one binary, an earlier test may have opened a clip.
TEST(ClipDecoder, OpensFFmpegWithTheFirstClipNotBefore) {
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  ASSERT_EQ(std::system(("readelf -d '" + self + "' | grep -q 'NEEDED.*libav'").c_str()) == 0, false)
      << self << " is linked against FFmpeg";
  if (libavformat_is_mapped()) GTEST_SKIP() << "an earlier test in this process opened a clip";
  ClipDecoder decoder;
  EXPECT_FALSE(libavformat_is_mapped());
  ASSERT_TRUE(decoder.open(fixture("h264.mp4")).ok());
  EXPECT_TRUE(libavformat_is_mapped());
}

TEST(ClipDecoder, DecodesEveryH264FrameWithTimestamps) {
  ClipDecoder decoder;
  ASSERT_TRUE(decoder.open(fixture("h264.mp4")).ok());
  EXPECT_EQ(decoder.info().codec, "h264");
  EXPECT_EQ(decoder.info().width, 640);
  EXPECT_NEAR(decoder.info().fps, 25.0, 0.01);
  EXPECT_NEAR(static_cast<double>(decoder.info().duration_ms), 2000.0, 50.0);
  expect_two_seconds_at_25fps(decode_all(decoder));
}

TEST(ClipDecoder, DecodesEveryVp9Frame) {
  ClipDecoder decoder;
  ASSERT_TRUE(decoder.open(fixture("vp9.webm")).ok());
  EXPECT_EQ(decoder.info().codec.substr(0, 3), "vp9");   // "vp9" or "libvpx-vp9"
  expect_two_seconds_at_25fps(decode_all(decoder));
}

TEST(ClipDecoder, FirstPictureEqualsFfmpegsOwnDecode) {
  ClipDecoder decoder;
  ASSERT_TRUE(decoder.open(fixture("h264.mp4")).ok());
  VideoFrame frame;
  VideoError error;
  ASSERT_EQ(decoder.next(frame, error), DecodeStatus::Frame);
  const std::vector<char> ref = test::video::read_bytes(fixture("h264_frame0.yuv"));
  ASSERT_EQ(ref.size(), frame.y.size() + frame.u.size() + frame.v.size());
  EXPECT_TRUE(std::equal(frame.y.begin(), frame.y.end(), ref.begin(),
                         [](std::uint8_t a, char b) { return a == static_cast<std::uint8_t>(b); }));
  const auto u_at = ref.begin() + static_cast<std::ptrdiff_t>(frame.y.size());
  EXPECT_TRUE(std::equal(frame.u.begin(), frame.u.end(), u_at,
                         [](std::uint8_t a, char b) { return a == static_cast<std::uint8_t>(b); }));
  const auto v_at = u_at + static_cast<std::ptrdiff_t>(frame.u.size());
  EXPECT_TRUE(std::equal(frame.v.begin(), frame.v.end(), v_at,
                         [](std::uint8_t a, char b) { return a == static_cast<std::uint8_t>(b); }));
}

TEST(ClipDecoder, ConvertsYuv444ToYuv420WithTheSamePicture) {
  ClipDecoder d420, d444;
  ASSERT_TRUE(d420.open(fixture("h264.mp4")).ok());
  ASSERT_TRUE(d444.open(fixture("h264_444.mp4")).ok());
  VideoFrame a, b;
  VideoError error;
  ASSERT_EQ(d420.next(a, error), DecodeStatus::Frame);
  ASSERT_EQ(d444.next(b, error), DecodeStatus::Frame);
  ASSERT_EQ(b.width, 640);
  ASSERT_EQ(b.u.size(), a.u.size());   // chroma subsampled to 4:2:0
  // Same source picture through two encoders: the luma must agree closely.
  double diff = 0;
  for (std::size_t i = 0; i < a.y.size(); ++i) diff += std::abs(int(a.y[i]) - int(b.y[i]));
  EXPECT_LT(diff / static_cast<double>(a.y.size()), 3.0);
}

TEST(ClipDecoder, IgnoresTheSoundTrack) {
  ClipDecoder decoder;
  ASSERT_TRUE(decoder.open(fixture("h264_audio.mp4")).ok());
  expect_two_seconds_at_25fps(decode_all(decoder));
}

TEST(ClipDecoder, RewindStartsAgainFromTheFirstFrame) {
  ClipDecoder decoder;
  ASSERT_TRUE(decoder.open(fixture("vp9.webm")).ok());
  VideoFrame first, frame;
  VideoError error;
  ASSERT_EQ(decoder.next(first, error), DecodeStatus::Frame);
  for (int i = 0; i < 20; ++i) ASSERT_EQ(decoder.next(frame, error), DecodeStatus::Frame);
  EXPECT_EQ(frame.pts_ms, 800);
  ASSERT_TRUE(decoder.rewind());
  ASSERT_EQ(decoder.next(frame, error), DecodeStatus::Frame);
  EXPECT_EQ(frame.pts_ms, 0);
  EXPECT_EQ(frame.index, 0u);
  EXPECT_EQ(frame.y, first.y);
  // And to the end again, after the end.
  Decoded rest = decode_all(decoder);
  EXPECT_EQ(rest.last, DecodeStatus::End);
  EXPECT_EQ(rest.pts.size(), 49u);
  ASSERT_TRUE(decoder.rewind());
  EXPECT_EQ(decode_all(decoder).pts.size(), 50u);
}

}  // namespace
}  // namespace kiosk::drivers::video
