// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/screens/language_screen.h"

#include <utility>

namespace kiosk::core {

Tree LanguageScreen::build(const ScreenContext& context) const {
  Tree tree{"language", Message::of("language.title"), Message::of("language.prompt"), {}};
  const bool english = context.settings.language == "en";
  Node zh = own_item("language.zh", Role::ListItem);
  zh.state.selected = !english;
  Node en = own_item("language.en", Role::ListItem);
  en.state.selected = english;
  tree.nodes.push_back(std::move(zh));
  tree.nodes.push_back(std::move(en));
  return tree;
}

ScreenOutcome LanguageScreen::activate(const std::string& node_id, const ScreenContext& context) {
  if (node_id != "language.zh" && node_id != "language.en") return {};
  ScreenOutcome outcome = ScreenOutcome::of(ScreenOutcome::Kind::Home);
  outcome.settings = context.settings;
  outcome.settings->language = node_id == "language.zh" ? "zh-CN" : "en";
  return outcome;
}

}  // namespace kiosk::core
