// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The resident's settings for one session. Every field returns to the hall default
// when the session ends (docs/accessibility.md T2). Names match the transcript's
// `setting` events (docs/design.md section 5).
#include <string>
#include <variant>

namespace kiosk::core {

using SettingValue = std::variant<bool, int, std::string>;

enum class Verbosity { Full, Brief };
// The transcript value of a verbosity (docs/design.md section 5): "full" | "brief".
inline const char* verbosity_name(Verbosity v) { return v == Verbosity::Brief ? "brief" : "full"; }

struct Settings {
  int zoom = 100;                     // percent of the default text size: 80 100 120 160 200
  std::string theme = "default";      // theme id from config/themes
  std::string language = "zh-CN";     // zh-CN | en
  int rate = 100;                     // percent of the default speech rate (S4 steps)
  int volume = 6;                     // level 0-10 (S5)
  Verbosity verbosity = Verbosity::Full;
  bool curtain = false;               // privacy curtain: screen blank, speech/braille go on
  bool speech = false;                // speech on for this session
  bool earcons = true;
  bool touch_explore = false;         // first touch reads, second activates
  bool sign = false;                  // sign-language pane shown (deaf mode)
  bool sign_large = false;
  int sign_speed = 100;               // percent of a sign clip's own speed: 50 75 100
  bool easy_read = false;
  std::string braille_table = "kiosk-zh";
  bool operator==(const Settings&) const = default;
};

// The allowed steps; the core clamps to these.
inline constexpr int kZoomSteps[] = {80, 100, 120, 160, 200};
inline constexpr int kRateSteps[] = {50, 63, 79, 100, 126, 159, 200};  // ×2^(1/3): 88…350 wpm
inline constexpr int kSignSpeedSteps[] = {50, 75, 100};   // issue 6: slower signing, 0.5x-1x
inline constexpr int kVolumeMin = 0;
// Braille tables the settings screen offers, hall default first (docs/design.md 5): national
// common braille, current braille (every tone), English UEB grade 1 and grade 2.
inline constexpr const char* kBrailleTables[] = {"kiosk-zh", "kiosk-zh-g1", "en-ueb-g1", "en-ueb-g2"};
inline constexpr int kVolumeMax = 10;
// Levels above this (about 85 dB(A) in a headset) take a second press after a spoken
// warning (docs/accessibility.md S5).
inline constexpr int kVolumeSafeMax = 8;

}  // namespace kiosk::core
