// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/speech/levels.h"

#include <cmath>
#include <cstdlib>

namespace kiosk::core::speech {

int rate_wpm_for_percent(int percent) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < kRatePercentSteps.size(); ++i) {
    if (std::abs(kRatePercentSteps[i] - percent) < std::abs(kRatePercentSteps[best] - percent)) {
      best = i;
    }
  }
  return kRateWpmSteps[best];
}

float volume_gain(int level) {
  if (level >= 10) return 1.0f;
  if (level < 0) level = 0;
  return std::pow(10.0f, -kVolumeStepDb * static_cast<float>(10 - level) / 20.0f);
}

}  // namespace kiosk::core::speech
