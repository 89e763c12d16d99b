// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/video/sdl_video.h"

#include <algorithm>
#include <utility>

namespace kiosk::drivers::video {

bool upload_to_texture(SDL_Renderer* renderer, const VideoFrame& frame, SDL_Texture*& texture) {
  if (renderer == nullptr || frame.width <= 0 || frame.height <= 0) return false;
  if (texture != nullptr) {
    int w = 0, h = 0;
    Uint32 format = 0;
    if (SDL_QueryTexture(texture, &format, nullptr, &w, &h) != 0 || w != frame.width ||
        h != frame.height || format != SDL_PIXELFORMAT_IYUV) {
      SDL_DestroyTexture(texture);
      texture = nullptr;
    }
  }
  if (texture == nullptr) {
    texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_IYUV, SDL_TEXTUREACCESS_STREAMING,
                                frame.width, frame.height);
    if (texture == nullptr) return false;
  }
  if (SDL_UpdateYUVTexture(texture, nullptr, frame.y.data(), frame.pitch_y, frame.u.data(),
                           frame.pitch_u, frame.v.data(), frame.pitch_v) != 0) {
    SDL_DestroyTexture(texture);
    texture = nullptr;
    return false;
  }
  return true;
}

core::Rect fit_rect(int picture_w, int picture_h, const core::Rect& pane) {
  if (picture_w <= 0 || picture_h <= 0 || pane.w <= 0 || pane.h <= 0) return pane;
  // Compare pane.w / pane.h with picture_w / picture_h without rounding.
  const long long lhs = static_cast<long long>(pane.w) * picture_h;
  const long long rhs = static_cast<long long>(pane.h) * picture_w;
  core::Rect r = pane;
  if (lhs > rhs) {   // pane wider than the picture: bars left and right
    r.w = static_cast<int>(rhs / picture_h);
    r.x = pane.x + (pane.w - r.w) / 2;
  } else {           // bars above and below
    r.h = static_cast<int>(lhs / picture_w);
    r.y = pane.y + (pane.h - r.h) / 2;
  }
  return r;
}

SignPane::SignPane(std::filesystem::path assets_root, VideoPlayer::NowFn now_ms)
    : m_assets_root(std::move(assets_root)), m_player(std::move(now_ms)) {}

SignPane::~SignPane() {
  m_player.close();
  if (m_texture != nullptr) SDL_DestroyTexture(m_texture);
}

void SignPane::hide() {
  m_player.close();
  m_clip.clear();
  m_uploaded = nullptr;
}

void SignPane::set_speed(int permille) {
  m_speed_permille = std::clamp(permille, PlaybackTimeline::kMinSpeed, PlaybackTimeline::kMaxSpeed);
  m_player.set_speed(m_speed_permille / 1000.0);
}

void SignPane::restart() {
  m_uploaded = nullptr;
  m_player.replay();
}

bool SignPane::draw(SDL_Renderer* renderer, const core::DrawVideo& video, std::int64_t now_ms,
                    SDL_Color background, FrameWait wait) {
  if (video.clip != m_clip) {
    m_clip = video.clip;
    m_uploaded = nullptr;
    if (m_clip.empty()) {
      m_player.close();
    } else if (m_player.open((m_assets_root / m_clip).string(), LoopMode::Once).ok()) {
      m_player.set_speed(m_speed_permille / 1000.0);   // open() starts a new timeline at 1x
      m_player.play();
    }
  }
  const SDL_Rect pane{video.rect.x, video.rect.y, video.rect.w, video.rect.h};
  SDL_SetRenderDrawColor(renderer, background.r, background.g, background.b, 255);
  SDL_RenderFillRect(renderer, &pane);
  const VideoFrame* frame = m_player.frame_for(now_ms, wait);
  if (frame == nullptr) return false;
  if (frame != m_uploaded || frame->index != m_uploaded_index) {
    if (!upload_to_texture(renderer, *frame, m_texture)) return false;
    m_uploaded = frame;
    m_uploaded_index = frame->index;
  }
  const core::Rect fit = fit_rect(frame->width, frame->height, video.rect);
  const SDL_Rect dst{fit.x, fit.y, fit.w, fit.h};
  return SDL_RenderCopy(renderer, m_texture, nullptr, &dst) == 0;
}

}  // namespace kiosk::drivers::video
