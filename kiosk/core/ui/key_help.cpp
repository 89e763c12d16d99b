// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/ui/key_help.h"

#include "kiosk/core/ui/commands.h"

namespace kiosk::core {

const char* key_help_id(Command command) {
  if (command_digit(command)) return "help.keys_digits";
  switch (command) {
    case Command::Up:
    case Command::Down: return "help.keys_move";
    case Command::Left:
    case Command::Right: return "help.keys_left_right";
    case Command::Select: return "help.keys_select";
    case Command::Back: return "help.keys_back";
    case Command::Help: return "help.keys_help";
    case Command::Repeat: return "help.keys_repeat";
    case Command::Where: return "help.keys_where";
    case Command::Pause: return "help.keys_pause";
    case Command::VolumeDown:
    case Command::VolumeUp: return "help.keys_volume";
    case Command::RateDown:
    case Command::RateUp: return "help.keys_rate";
    case Command::ZoomOut:
    case Command::ZoomIn: return "help.keys_zoom";
    case Command::Contrast: return "help.keys_contrast";
    case Command::Language: return "help.keys_language";
    case Command::Home: return "help.keys_home";
    case Command::Curtain: return "help.keys_curtain";
    case Command::Sign: return "help.keys_sign";
    case Command::CallStaff: return "help.keys_staff";
    case Command::Star:
    case Command::Hash:
    case Command::X: return "help.keys_star";
    case Command::Clear: return "help.keys_clear";
    default: return nullptr;
  }
}

const std::vector<const char*>& key_help_lines() {
  static const std::vector<const char*> lines = {
      "help.keys_move",     "help.keys_left_right", "help.keys_select",  "help.keys_back",
      "help.keys_help",     "help.keys_repeat",     "help.keys_where",   "help.keys_pause",
      "help.keys_volume",   "help.keys_rate",       "help.keys_zoom",    "help.keys_contrast",
      "help.keys_language", "help.keys_home",       "help.keys_curtain", "help.keys_sign",
      "help.keys_staff",    "help.keys_digits",     "help.keys_star",    "help.keys_clear",
      "help.touch"};
  return lines;
}

}  // namespace kiosk::core
