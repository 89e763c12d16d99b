// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/screens/help_screen.h"

#include "kiosk/core/ui/key_help.h"

namespace kiosk::core {

Tree HelpScreen::build(const ScreenContext& context) const {
  (void)context;
  Tree tree{"help", Message::of("help.title"), Message::of("help.prompt"), {}};
  for (const char* id : key_help_lines()) tree.nodes.push_back(own_text(id));
  tree.nodes.push_back(own_item("help.done", Role::Button));
  return tree;
}

ScreenOutcome HelpScreen::activate(const std::string& node_id, const ScreenContext& context) {
  (void)context;
  if (node_id == "help.done") return ScreenOutcome::of(ScreenOutcome::Kind::Home);
  return {};
}

}  // namespace kiosk::core
