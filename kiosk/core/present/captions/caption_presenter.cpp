// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/captions/caption_presenter.h"

namespace kiosk::core::captions {

std::vector<std::string> CaptionPresenter::present(const std::vector<speech::SpeechAction>& actions,
                                                   const Settings& settings) {
  using speech::SpeechActionKind;
  std::vector<std::string> shown;
  if (settings.curtain) m_line.clear();   // captions hide under the curtain
  for (const auto& action : actions) {
    const bool captioned = action.kind == SpeechActionKind::Caption || (action.kind == SpeechActionKind::Speak && action.caption);
    if (captioned) {
      m_line = action.caption_text;
      shown.push_back(action.caption_text);
    } else if (action.kind == SpeechActionKind::Speak) {
      m_line.clear();   // said under the curtain: nothing shown
    }
  }
  return shown;
}

}  // namespace kiosk::core::captions
