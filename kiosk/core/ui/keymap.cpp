// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/ui/keymap.h"

namespace kiosk::core {

bool Keymap::bind(const std::string& key, Command command) {
  auto [it, inserted] = m_bindings.emplace(key, command);
  return inserted || it->second == command;
}

std::optional<Command> Keymap::lookup(const std::string& key) const {
  auto it = m_bindings.find(key);
  if (it == m_bindings.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Keymap::keys_for(Command command) const {
  std::vector<std::string> keys;
  for (const auto& [key, bound] : m_bindings)
    if (bound == command) keys.push_back(key);
  return keys;
}

}  // namespace kiosk::core
