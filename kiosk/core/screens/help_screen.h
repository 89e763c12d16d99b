// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The help screen (screen id `help`): the key list, one line a key, and done. Help in
// layers (docs/accessibility.md section 2) is the Kiosk's: the Help key twice opens this
// screen, and on it turns the key describer on. Main thread only.
#include "kiosk/core/screens/screen.h"

namespace kiosk::core {

class HelpScreen final : public OwnScreen {
 public:
  std::string id() const override { return "help"; }
  Tree build(const ScreenContext& context) const override;
  ScreenOutcome activate(const std::string& node_id, const ScreenContext& context) override;
};

}  // namespace kiosk::core
