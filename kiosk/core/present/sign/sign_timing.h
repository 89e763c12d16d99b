// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Caption timing for sign clips (docs/accessibility.md D2: captions within ±100 ms of the
// signing; replay, pause and a slower speed). Pure arithmetic on milliseconds; any thread.
//
// Model: a cue's caption appears with the clip's first frame and stays until the clip has
// played out at the chosen speed, and at least as long as the text takes to read
// (a short clip must not flash a long caption away). Pausing the clip holds the caption.
#include <cstdint>
#include <string>

namespace kiosk::core::sign {

inline constexpr int kSyncToleranceMs = 100;   // D2: captions ±100 ms
inline constexpr int kSpeedMinPermille = 500;  // 0.5x
inline constexpr int kSpeedMaxPermille = 1000; // 1x

// Speed as an integer per mille so timing is exact; clamped to 500..1000.
int clamp_speed_permille(int permille);

// Length of a clip of duration_ms (at 1x) played at the given speed, rounded up.
std::int64_t played_duration_ms(int duration_ms, int speed_permille);

// Unicode code points in UTF-8 text (a Han character counts one).
int count_code_points(const std::string& utf8);

// Time to read a caption: 1000 ms plus 250 ms a code point (about 4 characters a
// second, a slow pace for second-language readers of written Chinese).
std::int64_t reading_time_ms(const std::string& caption_text);

struct CaptionWindow {
  std::int64_t start_ms = 0;   // clock time the caption appears
  std::int64_t end_ms = 0;     // clock time it may go (a new cue replaces it earlier)
  bool operator==(const CaptionWindow&) const = default;
};

// start_ms: clock time of the clip's first frame. paused_ms: time the clip spent paused.
CaptionWindow caption_window(std::int64_t start_ms, int duration_ms, int speed_permille,
                             const std::string& caption_text, std::int64_t paused_ms = 0);

// D2 check: the caption appeared within kSyncToleranceMs of the first frame.
bool caption_in_sync(std::int64_t caption_shown_ms, std::int64_t first_frame_ms);

}  // namespace kiosk::core::sign
