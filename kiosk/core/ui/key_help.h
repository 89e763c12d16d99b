// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What each key does, as the catalogue id of its one-line description. The help
// screen lists these lines and key-describer mode (docs/accessibility.md section 2: Help,
// then the key list, then key-describer) speaks the line of the key pressed, so a
// resident learns the keypad by pressing keys without anything happening.
#include <vector>

#include "kiosk/core/ui/commands.h"

namespace kiosk::core {

// "help.keys_move" for up and down, ...; nullptr for inputs that are not keys
// (the headphone jack), which act as usual even in key-describer mode.
const char* key_help_id(Command command);

// The help screen's lines, in the order a resident meets the keys.
const std::vector<const char*>& key_help_lines();

}  // namespace kiosk::core
