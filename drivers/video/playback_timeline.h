// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Maps clock time to media time for a clip being played, paused and slowed (0.5x-1x).
// Integer milliseconds and a per-mille speed keep the mapping exact, so tests on a
// virtual clock can name the instant each frame becomes due. Not thread-safe; the
// VideoPlayer uses it on the main thread only.
#include <algorithm>
#include <cstdint>

namespace kiosk::drivers::video {

class PlaybackTimeline {
 public:
  static constexpr int kMinSpeed = 500;    // per mille: 0.5x
  static constexpr int kMaxSpeed = 1000;   // 1x

  // Media time `media_ms` is showing at clock time `now_ms`; playing or paused.
  void reset(std::int64_t now_ms, std::int64_t media_ms, bool playing) {
    m_anchor_clock = now_ms;
    m_anchor_media = media_ms;
    m_playing = playing;
  }
  void play(std::int64_t now_ms) {
    if (m_playing) return;
    m_anchor_clock = now_ms;
    m_playing = true;
  }
  void pause(std::int64_t now_ms) {
    if (!m_playing) return;
    m_anchor_media = media_at(now_ms);
    m_anchor_clock = now_ms;
    m_playing = false;
  }
  void set_speed(std::int64_t now_ms, int permille) {
    m_anchor_media = media_at(now_ms);
    m_anchor_clock = now_ms;
    m_speed = std::clamp(permille, kMinSpeed, kMaxSpeed);
  }

  // Media time showing at clock time now_ms (floor). A clock that goes back holds.
  std::int64_t media_at(std::int64_t now_ms) const {
    if (!m_playing || now_ms <= m_anchor_clock) return m_anchor_media;
    return m_anchor_media + (now_ms - m_anchor_clock) * m_speed / 1000;
  }
  // Earliest clock time at which media time reaches media_ms, if playing on unchanged.
  std::int64_t clock_at(std::int64_t media_ms) const {
    if (media_ms <= m_anchor_media) return m_anchor_clock;
    return m_anchor_clock + ((media_ms - m_anchor_media) * 1000 + m_speed - 1) / m_speed;
  }

  bool playing() const { return m_playing; }
  int speed_permille() const { return m_speed; }

 private:
  std::int64_t m_anchor_clock = 0;
  std::int64_t m_anchor_media = 0;
  int m_speed = kMaxSpeed;
  bool m_playing = false;
};

}  // namespace kiosk::drivers::video
