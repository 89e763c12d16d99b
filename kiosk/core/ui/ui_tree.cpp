// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/ui/ui_tree.h"

#include <utility>

namespace kiosk::core {

const char* role_name(Role role) {
  switch (role) {
    case Role::Screen: return "screen";
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::Button: return "button";
    case Role::List: return "list";
    case Role::ListItem: return "list_item";
    case Role::Choice: return "choice";
    case Role::Checkbox: return "checkbox";
    case Role::TextField: return "text_field";
    case Role::NumberField: return "number_field";
    case Role::Status: return "status";
    case Role::Video: return "video";
    case Role::Progress: return "progress";
  }
  return "text";
}

bool is_actionable(Role role) {
  return role == Role::Button || role == Role::ListItem || role == Role::Choice ||
         role == Role::Checkbox || role == Role::TextField || role == Role::NumberField;
}

bool is_field(Role role) { return role == Role::TextField || role == Role::NumberField; }

const Node* Tree::find(const std::string& node_id) const {
  for (const auto& node : nodes)
    if (node.id == node_id) return &node;
  return nullptr;
}

Node* Tree::find(const std::string& node_id) {
  for (auto& node : nodes)
    if (node.id == node_id) return &node;
  return nullptr;
}

Node make_node(std::string id, Role role, Message name, Message hint, Privacy privacy) {
  Node node;
  node.id = std::move(id);
  node.role = role;
  node.name = std::move(name);
  node.hint = std::move(hint);
  node.privacy = privacy;
  return node;
}

}  // namespace kiosk::core
