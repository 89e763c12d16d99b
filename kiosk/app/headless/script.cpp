// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/headless/script.h"

#include <sstream>

namespace kiosk::app {

namespace {

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return {};
  const auto end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

bool parse_int(const std::string& s, long long& out) {
  if (s.empty()) return false;
  std::size_t used = 0;
  try {
    out = std::stoll(s, &used);
  } catch (...) {
    return false;
  }
  return used == s.size();
}

// "1-2-5" -> bit0 = dot 1 ... bit7 = dot 8 (BrlAPI's order).
bool parse_dots(const std::string& s, int& mask) {
  mask = 0;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, '-')) {
    if (part.size() != 1 || part[0] < '1' || part[0] > '8') return false;
    mask |= 1 << (part[0] - '1');
  }
  return mask != 0;
}

using K = ScriptStep::Kind;

// The braille-* steps: keys of a braille display. "" or what is wrong with the line.
std::string read_braille_step(const std::string& verb, const std::string& a, ScriptStep& step) {
  if (verb == "braille-route") {
    long long n = 0;
    if (!parse_int(a, n) || n < 0 || n > 255) return "braille-route needs a cell number from 0";
    step.kind = K::BrailleRoute;
    step.x = static_cast<int>(n);
  } else if (verb == "braille-pan") {
    if (a != "left" && a != "right") return "braille-pan needs left or right";
    step.kind = K::BraillePan;
    step.text = a;
  } else if (verb == "braille-line") {
    if (a != "up" && a != "down") return "braille-line needs up or down";
    step.kind = K::BrailleLine;
    step.text = a;
  } else if (verb == "braille-dots") {
    int mask = 0;
    if (!parse_dots(a, mask)) return "braille-dots needs dots like 1-2-5";
    step.kind = K::BrailleDots;
    step.x = mask;
  } else if (verb == "braille-key") {
    if (a != "space" && a != "enter" && a != "backspace") return "braille-key needs space, enter or backspace";
    step.kind = K::BrailleKey;
    step.text = a;
  } else {
    return "unknown step \"" + verb + "\"";
  }
  return {};
}

// One step from its verb and the rest of its line. "" or what is wrong with the line.
std::string read_step(const std::string& verb, const std::string& rest, ScriptStep& step) {
  std::istringstream words(rest);
  std::string a, b, extra;
  words >> a >> b >> extra;
  if (verb == "key") {
    auto command = core::command_from_name(a);
    if (!command || !b.empty()) return "unknown key \"" + rest + "\"";
    step.command = *command;
  } else if (verb == "type") {
    if (rest.empty()) return "type needs text";
    step.kind = K::Type;
    step.text = rest;
  } else if (verb == "touch" || verb == "touch-hold") {
    long long x = 0, y = 0;
    if (!parse_int(a, x) || !parse_int(b, y) || !extra.empty() || x < 0 || y < 0 || x >= 1920 || y >= 1080)
      return verb + " needs X Y inside a 1920x1080 frame";
    step.kind = verb == "touch" ? K::Touch : K::TouchHold;
    step.x = static_cast<int>(x);
    step.y = static_cast<int>(y);
  } else if (verb == "card") {
    if (a.empty()) return "card needs a file";
    step.kind = K::Card;
    step.text = a;
  } else if (verb == "card-remove") {
    step.kind = K::CardRemove;
  } else if (verb == "headphones") {
    if (a != "in" && a != "out") return "headphones needs in or out";
    step.kind = a == "in" ? K::HeadphonesIn : K::HeadphonesOut;
  } else if (verb == "wait") {
    long long ms = 0;
    if (!parse_int(a, ms) || ms < 0) return "wait needs milliseconds";
    step.kind = K::Wait;
    step.ms = ms;
  } else if (verb == "screenshot") {
    if (a.empty() || a.find('/') != std::string::npos) return "screenshot needs a plain name";
    step.kind = K::Screenshot;
    step.text = a;
  } else {
    return read_braille_step(verb, a, step);
  }
  return {};
}

}  // namespace

ParsedScript parse_script(const std::string& text) {
  ParsedScript result;
  std::istringstream in(text);
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.find_first_of(" \t");
    const std::string verb = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : trim(line.substr(space));
    ScriptStep step{};
    step.kind = K::Key;
    step.line = number;
    if (std::string problem = read_step(verb, rest, step); !problem.empty()) {
      result.error = ScriptError{number, std::move(problem)};
      return result;
    }
    result.steps.push_back(std::move(step));
  }
  return result;
}

}  // namespace kiosk::app
