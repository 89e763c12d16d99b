// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The language screen (screen id `language`): 中文 and English, the current one selected;
// choosing one sets the session's language and goes home. The language key toggles it
// from any screen instead. Main thread only.
#include "kiosk/core/screens/screen.h"

namespace kiosk::core {

class LanguageScreen final : public OwnScreen {
 public:
  std::string id() const override { return "language"; }
  Tree build(const ScreenContext& context) const override;
  ScreenOutcome activate(const std::string& node_id, const ScreenContext& context) override;
};

}  // namespace kiosk::core
