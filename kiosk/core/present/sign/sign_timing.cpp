// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/sign/sign_timing.h"

#include <algorithm>

#include "kiosk/core/text/utf8.h"

namespace kiosk::core::sign {

int clamp_speed_permille(int permille) {
  return std::clamp(permille, kSpeedMinPermille, kSpeedMaxPermille);
}

std::int64_t played_duration_ms(int duration_ms, int speed_permille) {
  const std::int64_t speed = clamp_speed_permille(speed_permille);
  const std::int64_t d = std::max(duration_ms, 0);
  return (d * 1000 + speed - 1) / speed;
}

int count_code_points(const std::string& utf8) {
  return static_cast<int>(speech::utf8_to_u32(utf8).size());
}

std::int64_t reading_time_ms(const std::string& caption_text) {
  return 1000 + 250 * static_cast<std::int64_t>(count_code_points(caption_text));
}

CaptionWindow caption_window(std::int64_t start_ms, int duration_ms, int speed_permille,
                             const std::string& caption_text, std::int64_t paused_ms) {
  const std::int64_t shown = std::max(played_duration_ms(duration_ms, speed_permille),
                                      reading_time_ms(caption_text));
  return {start_ms, start_ms + shown + std::max<std::int64_t>(paused_ms, 0)};
}

bool caption_in_sync(std::int64_t caption_shown_ms, std::int64_t first_frame_ms) {
  const std::int64_t d = caption_shown_ms - first_frame_ms;
  return d >= -kSyncToleranceMs && d <= kSyncToleranceMs;
}

}  // namespace kiosk::core::sign
