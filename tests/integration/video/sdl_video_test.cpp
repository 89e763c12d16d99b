// SPDX-License-Identifier: GPL-3.0-or-later
// The SDL half: frames into an IYUV texture with the software renderer, letterboxing,
// and the sign pane drawing a shipped clip (and surviving a missing one).
#include "drivers/video/sdl_video.h"

#include <SDL.h>

#include "drivers/video/clip_decoder.h"
#include "video_test_support.h"

namespace kiosk::drivers::video {
namespace {

using test::video::fixture;

// A software renderer on a plain surface: no window, no video driver needed.
class SoftwareCanvas : public ::testing::Test {
 protected:
  void SetUp() override {
    surface = SDL_CreateRGBSurfaceWithFormat(0, 800, 600, 32, SDL_PIXELFORMAT_ARGB8888);
    ASSERT_NE(surface, nullptr) << SDL_GetError();
    renderer = SDL_CreateSoftwareRenderer(surface);
    ASSERT_NE(renderer, nullptr) << SDL_GetError();
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
  }
  void TearDown() override {
    if (texture != nullptr) SDL_DestroyTexture(texture);
    if (renderer != nullptr) SDL_DestroyRenderer(renderer);
    if (surface != nullptr) SDL_FreeSurface(surface);
  }
  SDL_Color pixel(int x, int y) const {
    const auto* row = static_cast<const std::uint8_t*>(surface->pixels) + y * surface->pitch;
    const std::uint32_t p = reinterpret_cast<const std::uint32_t*>(row)[x];
    SDL_Color c{};
    SDL_GetRGBA(p, surface->format, &c.r, &c.g, &c.b, &c.a);
    return c;
  }

  SDL_Surface* surface = nullptr;
  SDL_Renderer* renderer = nullptr;
  SDL_Texture* texture = nullptr;
};

TEST_F(SoftwareCanvas, UploadedRedFrameRendersRed) {
  ClipDecoder decoder;
  ASSERT_TRUE(decoder.open(fixture("red.mp4")).ok());
  VideoFrame frame;
  VideoError error;
  ASSERT_EQ(decoder.next(frame, error), DecodeStatus::Frame);
  ASSERT_TRUE(upload_to_texture(renderer, frame, texture)) << SDL_GetError();
  Uint32 format = 0;
  int w = 0, h = 0;
  SDL_QueryTexture(texture, &format, nullptr, &w, &h);
  EXPECT_EQ(format, SDL_PIXELFORMAT_IYUV);
  EXPECT_EQ(w, 320);
  EXPECT_EQ(h, 240);
  const SDL_Rect dst{100, 100, 320, 240};
  ASSERT_EQ(SDL_RenderCopy(renderer, texture, nullptr, &dst), 0);
  const SDL_Color inside = pixel(260, 220);
  EXPECT_GT(inside.r, 230);
  EXPECT_LT(inside.g, 30);
  EXPECT_LT(inside.b, 30);
  const SDL_Color outside = pixel(50, 50);
  EXPECT_EQ(outside.r, 0);
}

TEST_F(SoftwareCanvas, TextureIsRecreatedWhenTheSizeChanges) {
  ClipDecoder small, big;
  ASSERT_TRUE(small.open(fixture("red.mp4")).ok());
  ASSERT_TRUE(big.open(fixture("h264.mp4")).ok());
  VideoFrame a, b;
  VideoError error;
  ASSERT_EQ(small.next(a, error), DecodeStatus::Frame);
  ASSERT_EQ(big.next(b, error), DecodeStatus::Frame);
  ASSERT_TRUE(upload_to_texture(renderer, a, texture));
  ASSERT_TRUE(upload_to_texture(renderer, b, texture));
  int w = 0, h = 0;
  SDL_QueryTexture(texture, nullptr, nullptr, &w, &h);
  EXPECT_EQ(w, 640);
  EXPECT_EQ(h, 360);
}

TEST(FitRect, LetterboxesKeepingTheAspectRatio) {
  // 16:9 picture into a 4:3 pane: bars above and below.
  EXPECT_EQ(fit_rect(640, 360, {0, 0, 400, 300}), (core::Rect{0, 37, 400, 225}));
  // 16:9 into a tall-and-wide pane that is wider: bars left and right.
  EXPECT_EQ(fit_rect(640, 360, {100, 50, 800, 360}), (core::Rect{180, 50, 640, 360}));
  EXPECT_EQ(fit_rect(640, 360, {10, 20, 1280, 720}), (core::Rect{10, 20, 1280, 720}));
  EXPECT_EQ(fit_rect(0, 0, {1, 2, 3, 4}), (core::Rect{1, 2, 3, 4}));
}

TEST_F(SoftwareCanvas, SignPaneDrawsAShippedClipInsideItsRect) {
  std::int64_t now = 0;
  SignPane pane(test::video::repo_root() / "assets", [&] { return now; });
  const core::DrawVideo video{{400, 300, 320, 180}, "sign/placeholder/home.title.mp4"};
  const SDL_Color bg{10, 20, 30, 255};
  ASSERT_TRUE(pane.draw(renderer, video, now, bg, FrameWait::UntilDue));
  EXPECT_EQ(pane.player().state(), PlayerState::Playing);
  // The placeholder's background (0x202838) fills the pane; outside stays black.
  const SDL_Color in = pixel(410, 305);
  EXPECT_NEAR(in.r, 0x20, 12);
  EXPECT_NEAR(in.g, 0x28, 12);
  EXPECT_NEAR(in.b, 0x38, 12);
  EXPECT_EQ(pixel(390, 290).r, 0);
  // Later frames keep coming; the clip plays once and holds its last frame.
  for (now = 40; now <= 3500; now += 40) {
    EXPECT_TRUE(pane.draw(renderer, video, now, bg, FrameWait::UntilDue));
  }
  EXPECT_EQ(pane.player().state(), PlayerState::Ended);
  EXPECT_GE(pane.player().stats().shown, 50u);
  pane.restart();
  EXPECT_TRUE(pane.draw(renderer, video, now, bg, FrameWait::UntilDue));
  EXPECT_EQ(pane.player().state(), PlayerState::Playing);
  pane.hide();
  EXPECT_EQ(pane.player().state(), PlayerState::Closed);
}

TEST_F(SoftwareCanvas, SignPaneWithAMissingClipDrawsOnlyItsBackground) {
  std::int64_t now = 0;
  SignPane pane(test::video::repo_root() / "assets", [&] { return now; });
  const core::DrawVideo video{{100, 100, 320, 180}, "sign/no_such_clip.mp4"};
  const SDL_Color bg{10, 20, 30, 255};
  EXPECT_FALSE(pane.draw(renderer, video, now, bg, FrameWait::UntilDue));
  EXPECT_EQ(pixel(200, 150).b, 30);
  auto events = pane.poll_events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].error.code, VideoErrorCode::NotFound);
  // The next frame does not retry or report again.
  EXPECT_FALSE(pane.draw(renderer, video, now + 40, bg, FrameWait::UntilDue));
  EXPECT_TRUE(pane.poll_events().empty());
}

}  // namespace
}  // namespace kiosk::drivers::video
