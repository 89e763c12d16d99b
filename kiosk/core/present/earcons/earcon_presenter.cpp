// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/earcons/earcon_presenter.h"

#include <variant>

namespace kiosk::core::earcons {

std::vector<std::string> EarconPresenter::present(const Effects& effects, const Settings& settings) const {
  std::vector<std::string> cues;
  if (!settings.earcons) return cues;
  for (const auto& effect : effects)
    if (const auto* earcon = std::get_if<Earcon>(&effect)) cues.push_back(earcon->name);
  return cues;
}

}  // namespace kiosk::core::earcons
