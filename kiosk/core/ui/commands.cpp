// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/ui/commands.h"

#include <array>

namespace kiosk::core {

namespace {
constexpr std::array<const char*, kCommandCount> kNames = {
    "up", "down", "left", "right", "select", "back", "help", "repeat", "where", "pause",
    "volume-", "volume+", "rate-", "rate+", "zoom-", "zoom+", "contrast", "language", "home",
    "curtain", "sign", "call-staff",
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    "star", "hash", "x", "clear", "headphones"};
}  // namespace

const char* command_name(Command command) { return kNames[static_cast<std::size_t>(command)]; }

std::optional<Command> command_from_name(const std::string& name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (name == kNames[i]) return static_cast<Command>(i);
  return std::nullopt;
}

std::optional<int> command_digit(Command command) {
  const int value = static_cast<int>(command) - static_cast<int>(Command::Digit0);
  if (value >= 0 && value <= 9) return value;
  return std::nullopt;
}

}  // namespace kiosk::core
