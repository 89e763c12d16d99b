// SPDX-License-Identifier: GPL-3.0-or-later
// Kiosk: the trees of the session's screens (attract, home, timeout, finish). Settings,
// language and help are screens of their own (screens/); services build their own.
#include "kiosk/core/kiosk/kiosk.h"

namespace kiosk::core {

Tree Kiosk::build_attract() const {
  Tree tree{"attract", Message::of("attract.title"), Message::of("attract.prompt"), {}};
  tree.nodes.push_back(own_text(m_options.hall_name_id));
  tree.nodes.back().id = "attract.hall";
  tree.nodes.push_back(own_item("attract.start", Role::Button));
  return tree;
}

Tree Kiosk::build_home() const {
  Tree tree{"home", Message::of("home.title"), Message::of("home.prompt"), {}};
  if (!m_settings.speech) tree.nodes.push_back(own_item("home.speech_on", Role::Button));
  for (const auto& service : m_services) {
    if (!service->on_menu()) continue;
    Node node = own_item("home." + service->id(), Role::Button, service->menu_hint());
    node.name = service->menu_name();
    tree.nodes.push_back(std::move(node));
  }
  for (const auto& screen : m_own_screens) tree.nodes.push_back(own_item("home." + screen->id(), Role::Button));
  for (const char* id : {"home.call_staff", "home.sign_interpreter", "home.finish"})
    tree.nodes.push_back(own_item(id, Role::Button));
  tree.find("home.sign_interpreter")->sign_clip = "staff_call.sign_interpreter";
  return tree;
}

Tree Kiosk::build_timeout() const {
  Tree tree{"timeout", Message::of("timeout.title"), timeout_prompt(), {}};
  tree.nodes.push_back(own_item("timeout.continue", Role::Button));
  return tree;
}

// "确定结束吗？": no first, so a stray Select keeps the visit.
Tree Kiosk::build_finish() const {
  Tree tree{"finish", Message::of("finish.title"), Message::of("finish.prompt"), {}};
  tree.nodes.push_back(own_item("finish.no", Role::Button));
  tree.nodes.push_back(own_item("finish.yes", Role::Button));
  return tree;
}

}  // namespace kiosk::core
