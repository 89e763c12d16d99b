// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The caption presenter: the caption line at the screen's foot and the transcript's
// caption events (docs/design.md sections 5 and 6). Captions are always on and show what
// the screen shows: the text of each utterance the speech presenter composed (personal
// parts in the clear, secret ones never), also when speech is off (its Caption actions);
// under the privacy curtain, nothing. Pure; main thread only (it keeps the line).
#include <string>
#include <vector>

#include "kiosk/core/present/speech/speech_presenter.h"
#include "kiosk/core/settings.h"

namespace kiosk::core::captions {

class CaptionPresenter {
 public:
  // The captions this batch shows, in order, one per utterance (each a caption event);
  // line() is the last of them, or "" once the curtain hid it.
  std::vector<std::string> present(const std::vector<speech::SpeechAction>& actions, const Settings& settings);
  const std::string& line() const { return m_line; }

 private:
  std::string m_line;
};

}  // namespace kiosk::core::captions
