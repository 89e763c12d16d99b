// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Key name -> Command. Key names are the app's spelling of an input: SDL key names
// ("Up", "Return", "Keypad Enter", "F1"), with "Ctrl+" in front when Control is held
// ("Ctrl+B"), and braille commands from the braille driver ("braille:LNDN"). The app
// fills a Keymap from the files in config/keymaps/; several devices share one map.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/ui/commands.h"

namespace kiosk::core {

class Keymap {
 public:
  // Returns false when the key is already bound to another command (a config error).
  bool bind(const std::string& key, Command command);
  std::optional<Command> lookup(const std::string& key) const;
  std::vector<std::string> keys_for(Command command) const;
  bool empty() const { return m_bindings.empty(); }

 private:
  std::map<std::string, Command> m_bindings;
};

}  // namespace kiosk::core
