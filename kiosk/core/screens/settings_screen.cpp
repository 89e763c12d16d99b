// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/screens/settings_screen.h"

#include <utility>

namespace kiosk::core {

namespace {
struct Control {
  const char* id;
  SettingControl control;
};
constexpr Control kControls[] = {
    {"settings.zoom", SettingControl::Zoom},
    {"settings.theme", SettingControl::Theme},
    {"settings.language", SettingControl::Language},
    {"settings.rate", SettingControl::Rate},
    {"settings.volume", SettingControl::Volume},
    {"settings.verbosity", SettingControl::Verbosity},
    {"settings.braille_table", SettingControl::BrailleTable},
    {"settings.easy_read", SettingControl::EasyRead},
    {"settings.sign", SettingControl::Sign},
    {"settings.sign_large", SettingControl::SignLarge},
    {"settings.sign_speed", SettingControl::SignSpeed},
    {"settings.earcons", SettingControl::Earcons},
    {"settings.speaker_consent", SettingControl::SpeakerConsent},
};
}  // namespace

Tree SettingsScreen::build(const ScreenContext& context) const {
  Tree tree{"settings", Message::of("settings.title"), Message::of("settings.prompt"), {}};
  auto choice = [&](const char* id, std::string value) {
    Node node = own_item(id, Role::Choice);
    node.value = std::move(value);
    tree.nodes.push_back(std::move(node));
  };
  auto checkbox = [&](const char* id, bool on) {
    Node node = own_item(id, Role::Checkbox);
    node.state.selected = on;
    tree.nodes.push_back(std::move(node));
  };
  const Settings& s = context.settings;
  const std::string& lang = s.language;
  const Catalog& catalog = context.catalog;
  choice("settings.zoom", std::to_string(s.zoom) + "%");
  choice("settings.theme", theme_name(s, context.themes, catalog));
  choice("settings.language", catalog.text(lang == "en" ? "language.en" : "language.zh", lang));
  choice("settings.rate", std::to_string(s.rate) + "%");
  choice("settings.volume", std::to_string(s.volume));
  choice("settings.braille_table", catalog.text("braille.table." + s.braille_table, lang));
  checkbox("settings.easy_read", s.easy_read);
  checkbox("settings.sign", s.sign);
  checkbox("settings.sign_large", s.sign_large);
  choice("settings.sign_speed", std::to_string(s.sign_speed) + "%");
  checkbox("settings.earcons", s.earcons);
  checkbox("settings.speaker_consent", context.speaker_consent);
  choice("settings.verbosity",
         catalog.text(s.verbosity == Verbosity::Brief ? "settings.verbosity.brief" : "settings.verbosity.full", lang));
  tree.nodes.push_back(own_item("settings.reset", Role::Button));
  tree.nodes.push_back(own_item("settings.done", Role::Button));
  return tree;
}

ScreenOutcome SettingsScreen::activate(const std::string& node_id, const ScreenContext& context) {
  if (node_id == "settings.done") return ScreenOutcome::of(ScreenOutcome::Kind::Home);
  if (node_id == "settings.reset") {
    ScreenOutcome outcome = ScreenOutcome::of(ScreenOutcome::Kind::Rebuild);
    outcome.settings = reset_accessibility(context.settings, context.hall_defaults);
    outcome.alert = Alert{"settings_reset", Message::of("alert.settings_reset"), Privacy::Public};
    return outcome;
  }
  return adjust(node_id, 0, context);
}

// delta: +1 / -1 from Left/Right; 0 from Select, which steps forward and wraps.
ScreenOutcome SettingsScreen::adjust(const std::string& node_id, int delta, const ScreenContext& context) {
  (void)context;
  for (const Control& control : kControls) {
    if (node_id != control.id) continue;
    ScreenOutcome outcome;
    outcome.step = control.control;
    outcome.direction = delta == 0 ? 1 : delta;
    outcome.at_end = delta == 0 ? StepEnd::Wrap : StepEnd::Stop;
    return outcome;
  }
  return {};
}

}  // namespace kiosk::core
