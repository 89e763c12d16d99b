// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/braille/braille_input.h"

namespace kiosk::core::braille {

namespace {
// Dot masks of a..z in literary braille (bit0 = dot 1).
constexpr std::uint8_t kLetters[26] = {
    dots_mask(1),          dots_mask(1, 2),       dots_mask(1, 4),       dots_mask(1, 4, 5),
    dots_mask(1, 5),       dots_mask(1, 2, 4),    dots_mask(1, 2, 4, 5), dots_mask(1, 2, 5),
    dots_mask(2, 4),       dots_mask(2, 4, 5),    dots_mask(1, 3),       dots_mask(1, 2, 3),
    dots_mask(1, 3, 4),    dots_mask(1, 3, 4, 5), dots_mask(1, 3, 5),    dots_mask(1, 2, 3, 4),
    dots_mask(1, 2, 3, 4, 5), dots_mask(1, 2, 3, 5), dots_mask(2, 3, 4), dots_mask(2, 3, 4, 5),
    dots_mask(1, 3, 6),    dots_mask(1, 2, 3, 6), dots_mask(2, 4, 5, 6), dots_mask(1, 3, 4, 6),
    dots_mask(1, 3, 4, 5, 6), dots_mask(1, 3, 5, 6)};
}  // namespace

char32_t letter_for_dots(std::uint8_t dots) {
  const auto six = static_cast<std::uint8_t>(dots & 0x3F);
  for (int i = 0; i < 26; ++i) {
    if (kLetters[i] == six) return static_cast<char32_t>(U'a' + i);
  }
  return 0;
}

std::optional<char32_t> BrailleKeyboard::feed(std::uint8_t dots) {
  const auto six = static_cast<std::uint8_t>(dots & 0x3F);
  if (six == kNumberSign) {
    m_numeric = true;
    m_capital = false;
    return std::nullopt;
  }
  if (six == kCapitalSign) {
    m_capital = true;
    return std::nullopt;
  }
  const char32_t letter = letter_for_dots(six);
  const bool capital = m_capital;
  m_capital = false;
  if (letter == 0) {
    m_numeric = false;
    return std::nullopt;
  }
  const bool a_to_j = letter <= U'j';
  const bool digits_field = m_kind != EntryKind::Text;
  if (a_to_j && (m_numeric || digits_field)) {
    return letter == U'j' ? U'0' : static_cast<char32_t>(U'1' + (letter - U'a'));
  }
  m_numeric = false;
  if (m_kind == EntryKind::IdNumber) {
    if (letter == U'x') return U'X';
    return std::nullopt;
  }
  if (m_kind == EntryKind::Digits) return std::nullopt;
  return capital ? static_cast<char32_t>(letter - U'a' + U'A') : letter;
}

std::optional<char32_t> BrailleKeyboard::feed_char(char32_t c) {
  if (c == U'#') return feed(kNumberSign);
  if (c >= U'0' && c <= U'9') {
    m_capital = false;
    if (m_kind == EntryKind::Text) m_numeric = true;
    return c;
  }
  const bool upper = c >= U'A' && c <= U'Z';
  const char32_t lower = upper ? c - U'A' + U'a' : c;
  if (lower < U'a' || lower > U'z') {
    m_numeric = false;
    m_capital = false;
    return std::nullopt;
  }
  if (upper) m_capital = true;
  return feed(kLetters[lower - U'a']);
}

std::optional<char32_t> BrailleKeyboard::space() {
  m_numeric = false;
  m_capital = false;
  if (m_kind == EntryKind::Text) return U' ';
  return std::nullopt;
}

}  // namespace kiosk::core::braille
