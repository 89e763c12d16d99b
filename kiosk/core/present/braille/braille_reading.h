// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Braille follows the kiosk's readings (issue 13, docs/accessibility.md section 5): each
// Han character is replaced, before liblouis sees the text, by the canonical character of
// the citation syllable the reading step chose (config/braille/syllables.tsv, generated
// by tools/pinyin_dict/braille_syllables.py), so zhcn-cbs writes the scheme's initials,
// finals and tone omission for the right syllable and none of its word rules can pick
// another reading. Syllables no character is written as (子 as neutral zi) get a
// private-use character (U+F200...) that the project tables give a generated rule. The
// scheme's six abbreviations (的 么 你 他 她 它) keep their
// character when read as the abbreviated syllable. One character in, one out: positions
// (routing keys, panning) do not move. Pure; a built table is immutable (any thread).
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kiosk/core/result.h"
#include "kiosk/core/text/reading/reader.h"

namespace kiosk::core::braille {

class SyllableCharacters {
 public:
  SyllableCharacters() = default;
  // Lines "syllable<TAB>character[<TAB>...]"; '#' and blank lines skipped. A bad line gives
  // Error{"braille_syllables", "line N: problem"}.
  static Result<SyllableCharacters> parse(std::string_view tsv);

  std::optional<char32_t> find(std::string_view syllable) const;
  std::size_t size() const { return m_map.size(); }

 private:
  std::unordered_map<std::string, char32_t> m_map;
};

// `reading` is reader.read(text). Characters with no reading, or whose syllable has no
// canonical character, are kept.
std::u32string substitute_readings(std::u32string_view text, const speech::TextReading& reading,
                                   const SyllableCharacters& syllables);

}  // namespace kiosk::core::braille
