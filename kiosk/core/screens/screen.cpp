// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/screens/screen.h"

#include <utility>

namespace kiosk::core {

Node own_item(std::string id, Role role, Message hint) {
  Message name = Message::of(id);
  if (hint.empty()) hint = Message::of(id + ".hint");
  return make_node(std::move(id), role, std::move(name), std::move(hint));
}

Node own_text(std::string id) {
  Message name = Message::of(id);
  return make_node(std::move(id), Role::Text, std::move(name));
}

}  // namespace kiosk::core
