// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/help_desk/help_desk.h"

#include <utility>

namespace kiosk::services::help_desk {

using core::Message;
using core::Node;
using core::Role;

core::Tree HelpDeskService::build(const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  core::Tree tree{"help_desk", Message::of("help_desk.title"),
                  Message::of("help_desk.prompt").arg("county", m_desk.county.in(lang)), {}};
  for (const Line& line : m_desk.lines) {
    Message name = Message::of(line.note.zh.empty() ? "help_desk.line" : "help_desk.line_note");
    name.arg("name", line.name.in(lang)).arg("number", line.number).arg("note", line.note.in(lang));
    tree.nodes.push_back(core::make_node("help_desk.line." + line.id, Role::Text, std::move(name)));
  }
  tree.nodes.push_back(core::make_node("help_desk.place", Role::Text, Message::of("help_desk.place").arg("place", m_desk.place.in(lang))));
  tree.nodes.push_back(core::make_node("help_desk.hours", Role::Text, Message::of("help_desk.hours").arg("hours", m_desk.hours.in(lang))));
  Node home = core::make_node("help_desk.home", Role::Text, Message::of("help_desk.home"));
  home.role = Role::Button;
  home.hint = Message::of("help_desk.home.hint");
  tree.nodes.push_back(std::move(home));
  return tree;
}

core::ServiceOutcome HelpDeskService::activate(const std::string& node_id, const core::ServiceContext& context) {
  (void)context;
  if (node_id == "help_desk.home") return core::ServiceOutcome::of(core::ServiceOutcome::Kind::Leave);
  return {};
}

}  // namespace kiosk::services::help_desk
