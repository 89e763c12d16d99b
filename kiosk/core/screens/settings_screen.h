// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The settings screen (screen id `settings`): every setting of the session as a choice or a
// checkbox (docs/design.md section 5 lists them), the speaker consent, reset and done. A
// choice steps with Left/Right and, on Select, forward with a wrap; the steps are the
// setting keys' (setting_steps.h). Main thread only.
#include "kiosk/core/screens/screen.h"

namespace kiosk::core {

class SettingsScreen final : public OwnScreen {
 public:
  std::string id() const override { return "settings"; }
  Tree build(const ScreenContext& context) const override;
  ScreenOutcome activate(const std::string& node_id, const ScreenContext& context) override;
  ScreenOutcome adjust(const std::string& node_id, int delta, const ScreenContext& context) override;
};

}  // namespace kiosk::core
