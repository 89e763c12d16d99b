// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pronunciation lexicon applier: whole words (Han) replaced by tone-numbered pinyin,
// which the cmn-latn-pinyin voice reads exactly (docs/accessibility.md section 4). Entries
// are data (drivers/speech/reading/lexicon_loader.h reads config/speech/lexicon.toml). Pure;
// a built Lexicon is immutable, so any thread may call apply() concurrently.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::core::speech {

struct LexiconEntry {
  std::string word;       // UTF-8, e.g. "银行"
  std::string pinyin;     // tone-numbered, space separated, e.g. "yin2 hang2"
  std::string homophone;  // optional braille homophone (braille engineer's field); unused here
  bool operator==(const LexiconEntry&) const = default;
};

class Lexicon {
 public:
  Lexicon() = default;
  // Empty words are ignored; for duplicate words the last entry wins.
  explicit Lexicon(std::vector<LexiconEntry> entries);

  // Longest match first, scanning left to right; the pinyin is set off by spaces so
  // the script splitter sees whole syllables ("去银行" -> "去 yin2 hang2").
  std::u32string apply(std::u32string_view text) const;
  std::string apply(std::string_view utf8_text) const;

  const std::vector<LexiconEntry>& entries() const { return m_entries; }
  std::size_t size() const { return m_entries.size(); }

 private:
  struct Compiled {
    std::u32string word;
    std::u32string pinyin;
  };
  std::vector<LexiconEntry> m_entries;
  // First character -> candidates, longest word first.
  std::unordered_map<char32_t, std::vector<Compiled>> m_by_first;
};

}  // namespace kiosk::core::speech
