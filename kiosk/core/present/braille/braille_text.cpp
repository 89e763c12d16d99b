// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/braille/braille_text.h"

#include "kiosk/core/text/utf8.h"

namespace kiosk::core::braille {

std::u32string utf8_decode(std::string_view text) { return speech::utf8_to_u32(text); }

std::string utf8_encode(char32_t c) {
  std::string out;
  speech::append_utf8(out, c);
  return out;
}

std::string utf8_encode(std::u32string_view text) { return speech::u32_to_utf8(text); }

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK unified ideographs
         (c >= 0x3400 && c <= 0x4DBF) ||    // extension A
         (c >= 0x20000 && c <= 0x2FA1F) ||  // extensions B.. and compatibility supplement
         (c >= 0xF900 && c <= 0xFAFF) ||    // compatibility ideographs
         (c >= 0x3000 && c <= 0x303F) ||    // CJK punctuation
         (c >= 0xFF00 && c <= 0xFFEF);      // full-width forms (，：！？)
}

bool is_braille_cell(char32_t c) { return c >= 0x2800 && c <= 0x28FF; }

namespace {

enum class Kind { Han, Letter, Digit, Neutral };

Kind kind_of(char32_t c) {
  if (is_han(c)) return Kind::Han;
  if (c >= U'0' && c <= U'9') return Kind::Digit;
  if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0x24F)) {
    return Kind::Letter;
  }
  return Kind::Neutral;
}

bool joins_digits(char32_t c) { return c == U'.' || c == U',' || c == U':' || c == U'-'; }

}  // namespace

std::vector<ScriptRun> split_runs(std::u32string_view text) {
  std::vector<ScriptRun> runs;
  if (text.empty()) return runs;
  bool has_han = false;
  for (char32_t c : text) has_han = has_han || kind_of(c) == Kind::Han;
  const Script text_script = has_han ? Script::Han : Script::Latin;

  // Script of each code point; neutrals resolved afterwards.
  std::vector<int> script(text.size(), -1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const Kind k = kind_of(text[i]);
    if (k == Kind::Digit) script[i] = static_cast<int>(Script::Digits);
    else if (k != Kind::Neutral) script[i] = static_cast<int>(text_script);
  }
  // A separator between two digits belongs to the number (3.5, 2026-03-08, 12:30).
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (script[i] < 0 && joins_digits(text[i]) && kind_of(text[i - 1]) == Kind::Digit &&
        kind_of(text[i + 1]) == Kind::Digit) {
      script[i] = static_cast<int>(Script::Digits);
    }
  }
  // Other neutrals join the run before them; leading neutrals the first run after them.
  int first = -1;
  for (int s : script) if (s >= 0) { first = s; break; }
  if (first < 0) first = static_cast<int>(text_script);
  int prev = first;
  for (int& s : script) {
    if (s < 0) s = prev;
    prev = s;
  }
  std::size_t begin = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i == text.size() || script[i] != script[begin]) {
      runs.push_back(ScriptRun{static_cast<Script>(script[begin]), begin, i});
      begin = i;
    }
  }
  return runs;
}

}  // namespace kiosk::core::braille
