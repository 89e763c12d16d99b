// SPDX-License-Identifier: GPL-3.0-or-later
// Kiosk: the trees of the kiosk's own screens. Services build their own.
#include "kiosk/core/kiosk.h"

#include "kiosk/core/ui/key_help.h"

namespace kiosk::core {

namespace {
Node item(std::string id, Role role, Message hint = {}) {
  Node node;
  node.name = Message::of(id);
  node.id = std::move(id);
  node.role = role;
  node.hint = hint.empty() ? Message::of(node.id + ".hint") : std::move(hint);
  return node;
}

Node text(std::string id) {
  Node node = item(std::move(id), Role::Text, Message{});
  node.hint = {};
  return node;
}
}  // namespace

Tree Kiosk::build_attract() const {
  Tree tree{"attract", Message::of("attract.title"), Message::of("attract.prompt"), {}};
  tree.nodes.push_back(text(m_options.hall_name_id));
  tree.nodes.back().id = "attract.hall";
  tree.nodes.push_back(item("attract.start", Role::Button));
  return tree;
}

Tree Kiosk::build_home() const {
  Tree tree{"home", Message::of("home.title"), Message::of("home.prompt"), {}};
  if (!m_settings.speech) tree.nodes.push_back(item("home.speech_on", Role::Button));
  for (const auto& service : m_services) {
    if (!service->on_menu()) continue;
    Node node = item("home." + service->id(), Role::Button, service->menu_hint());
    node.name = service->menu_name();
    tree.nodes.push_back(std::move(node));
  }
  for (const char* id : {"home.settings", "home.language", "home.help", "home.call_staff",
                         "home.sign_interpreter", "home.finish"})
    tree.nodes.push_back(item(id, Role::Button));
  tree.find("home.sign_interpreter")->sign_clip = "staff_call.sign_interpreter";
  return tree;
}

Tree Kiosk::build_settings() const {
  Tree tree{"settings", Message::of("settings.title"), Message::of("settings.prompt"), {}};
  auto choice = [&](const char* id, std::string value) {
    Node node = item(id, Role::Choice);
    node.value = std::move(value);
    tree.nodes.push_back(std::move(node));
  };
  auto checkbox = [&](const char* id, bool on) {
    Node node = item(id, Role::Checkbox);
    node.state.selected = on;
    tree.nodes.push_back(std::move(node));
  };
  const std::string& lang = m_settings.language;
  choice("settings.zoom", std::to_string(m_settings.zoom) + "%");
  std::string theme_name = m_settings.theme;
  for (const auto& theme : m_options.themes)
    if (theme.id == m_settings.theme) theme_name = m_catalog.text(theme.name, lang);
  choice("settings.theme", theme_name);
  choice("settings.language", m_catalog.text(lang == "en" ? "language.en" : "language.zh", lang));
  choice("settings.rate", std::to_string(m_settings.rate) + "%");
  choice("settings.volume", std::to_string(m_settings.volume));
  choice("settings.braille_table", m_catalog.text("braille.table." + m_settings.braille_table, lang));
  checkbox("settings.easy_read", m_settings.easy_read);
  checkbox("settings.sign", m_settings.sign);
  checkbox("settings.sign_large", m_settings.sign_large);
  choice("settings.sign_speed", std::to_string(m_settings.sign_speed) + "%");
  checkbox("settings.earcons", m_settings.earcons);
  checkbox("settings.speaker_consent", m_speaker_consent);
  choice("settings.verbosity", m_catalog.text(m_settings.verbosity == Verbosity::Brief ? "settings.verbosity.brief"
                                                                                       : "settings.verbosity.full", lang));
  tree.nodes.push_back(item("settings.reset", Role::Button));
  tree.nodes.push_back(item("settings.done", Role::Button));
  return tree;
}

Tree Kiosk::build_help() const {
  Tree tree{"help", Message::of("help.title"), Message::of("help.prompt"), {}};
  for (const char* id : key_help_lines()) tree.nodes.push_back(text(id));
  tree.nodes.push_back(item("help.done", Role::Button));
  return tree;
}

Tree Kiosk::build_language() const {
  Tree tree{"language", Message::of("language.title"), Message::of("language.prompt"), {}};
  Node zh = item("language.zh", Role::ListItem);
  zh.state.selected = m_settings.language != "en";
  Node en = item("language.en", Role::ListItem);
  en.state.selected = m_settings.language == "en";
  tree.nodes.push_back(std::move(zh));
  tree.nodes.push_back(std::move(en));
  return tree;
}

Tree Kiosk::build_timeout() const {
  Tree tree{"timeout", Message::of("timeout.title"), timeout_prompt(), {}};
  tree.nodes.push_back(item("timeout.continue", Role::Button));
  return tree;
}

// "确定结束吗？": no first, so a stray Select keeps the visit.
Tree Kiosk::build_finish() const {
  Tree tree{"finish", Message::of("finish.title"), Message::of("finish.prompt"), {}};
  tree.nodes.push_back(item("finish.no", Role::Button));
  tree.nodes.push_back(item("finish.yes", Role::Button));
  return tree;
}

}  // namespace kiosk::core
