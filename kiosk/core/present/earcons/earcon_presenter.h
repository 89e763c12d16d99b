// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The earcon presenter: which cues of one batch of Effects are played (docs/accessibility.md
// section 6), by name (focus, activate, wrap, screen, error, timeout_warning), in the
// batch's order. The resident's `earcons` setting silences them; the transcript's earcon
// events are the effects themselves and do not depend on it. Pure; main thread only.
#include <string>
#include <vector>

#include "kiosk/core/effects.h"
#include "kiosk/core/settings.h"

namespace kiosk::core::earcons {

class EarconPresenter {
 public:
  std::vector<std::string> present(const Effects& effects, const Settings& settings) const;
};

}  // namespace kiosk::core::earcons
