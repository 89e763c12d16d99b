// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SDL side of the video driver: frames into an IYUV streaming texture, and the sign pane
// the display driver draws for a DrawVideo {rect, clip} entry of the display list.
// Main thread only (SDL rendering). Textures are owned by the caller (upload_to_texture)
// or by the SignPane; destroy them before their renderer.
#include <SDL.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "drivers/video/video_player.h"
#include "kiosk/core/present/display_list.h"

namespace kiosk::drivers::video {

// Copies the frame into `texture`, (re)creating it as a SDL_PIXELFORMAT_IYUV streaming
// texture of the frame's size when it is null or of another size. False on SDL failure
// (SDL_GetError() says why); the texture is then left null.
bool upload_to_texture(SDL_Renderer* renderer, const VideoFrame& frame, SDL_Texture*& texture);

// The largest rectangle of the picture's aspect ratio centred in `pane` (letterbox).
core::Rect fit_rect(int picture_w, int picture_h, const core::Rect& pane);

// One sign-language pane: opens the DrawVideo's clip when it changes, plays it once and
// holds the last frame, draws the frame due now letterboxed into the rect. A clip that
// is missing or corrupt draws nothing (the caption line carries the text) and is
// reported once through poll_events() and the log.
class SignPane {
 public:
  // assets_root: the folder the clip paths of the manifest are relative to (the repo's
  // assets/). now_ms: the clock the app runs on (virtual in headless runs).
  SignPane(std::filesystem::path assets_root, VideoPlayer::NowFn now_ms);
  ~SignPane();
  SignPane(const SignPane&) = delete;
  SignPane& operator=(const SignPane&) = delete;

  // Call once per rendered frame for the display list's DrawVideo. A new clip (or
  // restart()) starts playing at once. The pane's background is filled with
  // `background` (RGB) so letterbox bars stay quiet. Returns true when a frame was drawn.
  bool draw(SDL_Renderer* renderer, const core::DrawVideo& video, std::int64_t now_ms,
            SDL_Color background, FrameWait wait = FrameWait::Never);

  // The display list has no DrawVideo any more (pane hidden): stop and release the clip.
  void hide();
  void restart();   // replay command: play the clip again from its first frame
  // Pace of this and every later clip, per mille of the clip's own speed (500..1000,
  // clamped): the resident's sign_speed setting outlives a change of clip.
  void set_speed(int permille);
  int speed() const { return m_speed_permille; }

  // True while frames keep changing (playing): the display should redraw every frame
  // (SdlDisplay::invalidate()) instead of skipping an unchanged display list.
  bool animating() const { return m_player.state() == PlayerState::Playing; }

  VideoPlayer& player() { return m_player; }
  std::vector<VideoEvent> poll_events() { return m_player.poll_events(); }
  const std::string& clip() const { return m_clip; }

 private:
  std::filesystem::path m_assets_root;
  VideoPlayer m_player;
  std::string m_clip;                 // asset-relative path now open ("" = none)
  SDL_Texture* m_texture = nullptr;
  std::uint64_t m_uploaded_index = UINT64_MAX;   // skip re-uploading the same frame
  const VideoFrame* m_uploaded = nullptr;
  int m_speed_permille = PlaybackTimeline::kMaxSpeed;
};

}  // namespace kiosk::drivers::video
