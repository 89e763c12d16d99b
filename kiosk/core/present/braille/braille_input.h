// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Keys that come from a braille display, as the core sees them (the driver maps BrlAPI
// codes to these), and braille-keyboard entry of digits, X and Latin letters for ID
// numbers, phone numbers and PINs. Chinese entry by braille is out of scope (phonetic
// braille does not back-translate to characters, docs/accessibility.md section 5).
// Main thread; pure.
#include <cstdint>
#include <optional>

namespace kiosk::core::braille {

enum class BrailleKeyKind {
  PanLeft, PanRight,   // FWINLT / FWINRT
  LineUp, LineDown,    // previous / next item
  Top, Bottom,         // first / last item
  Route,               // routing key `argument`, counted from 0 as BrlAPI does
  Dots,                // braille keyboard chord, `argument` = dot mask (bit0 = dot 1 .. bit7 = dot 8)
  Character,           // a chord BRLTTY already turned into a character through its text
                       // table (computer braille); `argument` = the code point
  Space, Enter, Backspace,
};

struct BrailleKey {
  BrailleKeyKind kind = BrailleKeyKind::Space;
  int argument = 0;
  bool operator==(const BrailleKey&) const = default;
};

// Dot masks, bit0 = dot 1.
constexpr std::uint8_t dots_mask(int a, int b = 0, int c = 0, int d = 0, int e = 0, int f = 0) {
  std::uint8_t m = 0;
  for (int dot : {a, b, c, d, e, f}) {
    if (dot >= 1 && dot <= 8) m = static_cast<std::uint8_t>(m | (1u << (dot - 1)));
  }
  return m;
}
inline constexpr std::uint8_t kNumberSign = dots_mask(3, 4, 5, 6);
inline constexpr std::uint8_t kCapitalSign = dots_mask(6);

// What the field accepts; decides how a-j read.
enum class EntryKind {
  Digits,     // phone numbers, PINs: a-j are digits with or without the number sign
  IdNumber,   // like Digits, and x (with or without capital sign) types 'X'
  Text,       // Latin letters; number sign + a-j types digits until a space
};

// Literary (6-dot) braille entry, the convention of UEB and of Chinese braille for
// digits and Latin letters. One instance per field being edited; reset on focus change.
class BrailleKeyboard {
 public:
  explicit BrailleKeyboard(EntryKind kind = EntryKind::Text) : m_kind(kind) {}
  void reset(EntryKind kind) { m_kind = kind; m_numeric = false; m_capital = false; }
  // Feeds one chord (dots 7 and 8 ignored). Returns the character typed, if any;
  // signs (number, capital) return nothing and change the state; unknown chords return
  // nothing and end numeric mode.
  std::optional<char32_t> feed(std::uint8_t dots);
  // A character from BRLTTY's text table (computer braille): '#' is the number sign,
  // digits type digits, letters as feed() (upper case = capital).
  std::optional<char32_t> feed_char(char32_t c);
  // A space ends numeric mode and types ' ' in Text fields.
  std::optional<char32_t> space();

 private:
  EntryKind m_kind;
  bool m_numeric = false;
  bool m_capital = false;
};

// a-z for a 6-dot letter pattern, 0 if the pattern is not a letter.
char32_t letter_for_dots(std::uint8_t dots);

}  // namespace kiosk::core::braille
