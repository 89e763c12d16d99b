// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Speech rate and volume steps (docs/accessibility.md S4, S5). Pure, any thread.
#include <array>

namespace kiosk::core::speech {

// Rate percent steps (as kiosk::core::kRateSteps) and the eSpeak words-per-minute they
// map to: ×2^(1/3) per step around the default 175 wpm.
inline constexpr std::array<int, 7> kRatePercentSteps = {50, 63, 79, 100, 126, 159, 200};
inline constexpr std::array<int, 7> kRateWpmSteps = {88, 110, 139, 175, 220, 278, 350};

// The wpm of the step nearest to `percent` (values outside 50..200 clamp).
int rate_wpm_for_percent(int percent);

// Linear amplitude gain for volume level 0..10 (clamped): 8 dB per level, level 10 =
// full scale (1.0, the calibrated 100 dB SPL), so the default level 6 = -32 dB
// (68 dB SPL on a calibrated headset). Level 10 is exactly 1.0 so captured PCM is
// bit-identical to the engine's output.
float volume_gain(int level);
inline constexpr int kVolumeDefault = 6;
inline constexpr float kVolumeStepDb = 8.0f;

}  // namespace kiosk::core::speech
