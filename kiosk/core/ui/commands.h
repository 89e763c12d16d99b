// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The commands every input device maps to (docs/design.md section 5). Script steps and
// keymap files use the names returned by command_name().
#include <optional>
#include <string>

namespace kiosk::core {

enum class Command {
  Up, Down, Left, Right, Select, Back, Help, Repeat, Where, Pause,
  VolumeDown, VolumeUp, RateDown, RateUp, ZoomOut, ZoomIn, Contrast, Language, Home,
  Curtain, Sign, CallStaff,
  Digit0, Digit1, Digit2, Digit3, Digit4, Digit5, Digit6, Digit7, Digit8, Digit9,
  Star, Hash, X, Clear, HeadphonesToggle
};

const char* command_name(Command command);                    // "up", "volume-", "call-staff", ...
std::optional<Command> command_from_name(const std::string& name);
std::optional<int> command_digit(Command command);            // Digit0..Digit9 -> 0..9
inline constexpr int kCommandCount = static_cast<int>(Command::HeadphonesToggle) + 1;

}  // namespace kiosk::core
