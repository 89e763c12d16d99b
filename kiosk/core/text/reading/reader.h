// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one reading step for speech and braille (docs/accessibility.md section 4, issue 13):
// every Han run is segmented into words by the most probable path over the word list
// (the largest sum of log frequencies; the project's reviewed lexicon wins), each Han
// character gets its toned syllable, and the spoken tones follow the 一/不 changes and
// the 3-3 change. Speech sends the spoken syllables to cmn-latn-pinyin; braille writes
// the citation syllables (tone changes are not written). Pure; a built Reader is
// immutable, so any thread may call it concurrently. It keeps a shared_ptr to the
// dictionary, which may be null (then only the lexicon gives readings).
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kiosk/core/text/lexicon.h"
#include "kiosk/core/text/reading/pinyin_dictionary.h"

namespace kiosk::core::speech {

// One entry per code point of the text read.
struct TextReading {
  std::vector<std::string> citation;   // "hang2"; "" for non-Han or a character with no reading
  std::vector<std::string> spoken;     // the same after the tone changes
  std::vector<bool> word_start;        // true where a Han word begins
};

class Reader {
 public:
  // Lexicon entries whose pinyin is not one syllable per character are left out.
  Reader(std::shared_ptr<const PinyinDictionary> dictionary, const Lexicon& lexicon);

  TextReading read(std::u32string_view text) const;
  TextReading read(std::string_view utf8_text) const;

  // Speech text: every Han character with a reading becomes its spoken syllable, set off
  // by spaces ("去银行。" -> "qu4 yin2 hang2。"); everything else is kept as it is.
  std::u32string to_pinyin(std::u32string_view text) const;
  std::string to_pinyin(std::string_view utf8_text) const;

  // The words of a Han run (code-point lengths), for tests and the audit.
  std::vector<std::size_t> segment(std::u32string_view han_run) const;

  const PinyinDictionary* dictionary() const { return m_dictionary.get(); }

 private:
  struct Word {
    std::size_t length = 0;
    std::vector<std::string> syllables;
    double score = 0;
  };
  void read_run(std::u32string_view run, std::size_t offset, TextReading& out) const;
  std::vector<Word> best_path(std::u32string_view run) const;
  std::optional<Word> word_at(std::u32string_view run, std::size_t at, std::size_t length) const;

  std::shared_ptr<const PinyinDictionary> m_dictionary;
  std::unordered_map<std::u32string, std::vector<std::string>> m_lexicon;
  std::size_t m_lexicon_max = 0;
};

// The tone changes, on a reading whose `spoken` starts equal to `citation` (sandhi.cpp).
void apply_tone_sandhi(std::u32string_view text, TextReading& reading);
// Readings that depend on the neighbouring words rather than the word itself (为 wéi /
// wèi), applied before the tone changes (sandhi.cpp).
void apply_context_readings(std::u32string_view text, TextReading& reading);

}  // namespace kiosk::core::speech
