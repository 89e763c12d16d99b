// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Headless scripts (docs/design.md section 5): UTF-8, one step a line, '#' comments.
// Parsing checks every line up front, so a bad script exits with code 2 before the
// kiosk starts, naming the line.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/ui/commands.h"

namespace kiosk::app {

struct ScriptStep {
  enum class Kind {
    Key, Type, Touch, TouchHold, Card, CardRemove, HeadphonesIn, HeadphonesOut,
    BrailleRoute, BraillePan, BrailleLine, BrailleDots, BrailleKey, Wait, Screenshot
  };
  Kind kind;
  int line = 0;
  core::Command command = core::Command::Select;   // Key
  std::string text;                                // Type, Card path, Screenshot name, pan/line/key word
  int x = 0, y = 0;                                // Touch; BrailleRoute uses x; BrailleDots uses x as bitmask
  long long ms = 0;                                // Wait
};

struct ScriptError {
  int line = 0;
  std::string message;
};

struct ParsedScript {
  std::vector<ScriptStep> steps;
  std::optional<ScriptError> error;
};

ParsedScript parse_script(const std::string& text);

}  // namespace kiosk::app
