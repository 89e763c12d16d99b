// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/braille/braille_reading.h"

#include "kiosk/core/text/data_lines.h"
#include "kiosk/core/text/utf8.h"

namespace kiosk::core::braille {
namespace {

struct Abbreviation {
  char32_t character;
  std::string_view syllable;
};
// GF 0019-2018's six abbreviations, written as one cell only for these readings.
constexpr Abbreviation kAbbreviations[] = {{U'的', "de5"}, {U'么', "me5"}, {U'你', "ni3"},
                                           {U'他', "ta1"}, {U'她', "ta1"},  {U'它', "ta1"}};

bool is_private_use(char32_t c) { return c >= 0xE000 && c <= 0xF8FF; }

Error line_error(std::size_t line, const std::string& problem) {
  return Error{"braille_syllables", "line " + std::to_string(line) + ": " + problem};
}

}  // namespace

Result<SyllableCharacters> SyllableCharacters::parse(std::string_view tsv) {
  SyllableCharacters out;
  DataLines lines(tsv);
  std::string_view line;
  std::size_t line_no = 0;
  while (lines.next(line, line_no)) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return line_error(line_no, "expected syllable and character");
    const std::string_view syllable = line.substr(0, tab);
    std::string_view rest = line.substr(tab + 1);
    rest = rest.substr(0, rest.find('\t'));
    const std::u32string character = speech::utf8_to_u32(rest);
    if (!speech::is_numbered_syllable(syllable)) return line_error(line_no, "not a tone-numbered syllable");
    // A Han character, or a private-use one the project tables give a rule to.
    if (character.size() != 1 || !(speech::is_han(character.front()) || is_private_use(character.front())))
      return line_error(line_no, "the character must be one Han or private-use character");
    out.m_map[std::string(syllable)] = character.front();
  }
  return out;
}

std::optional<char32_t> SyllableCharacters::find(std::string_view syllable) const {
  if (auto it = m_map.find(std::string(syllable)); it != m_map.end()) return it->second;
  return std::nullopt;
}

std::u32string substitute_readings(std::u32string_view text, const speech::TextReading& reading,
                                   const SyllableCharacters& syllables) {
  std::u32string out(text);
  for (std::size_t i = 0; i < text.size() && i < reading.citation.size(); ++i) {
    const std::string& syllable = reading.citation[i];
    if (syllable.empty()) continue;
    bool abbreviated = false;
    for (const Abbreviation& a : kAbbreviations) abbreviated = abbreviated || (a.character == text[i] && a.syllable == syllable);
    if (abbreviated) continue;
    if (auto c = syllables.find(syllable)) out[i] = *c;
  }
  return out;
}

}  // namespace kiosk::core::braille
