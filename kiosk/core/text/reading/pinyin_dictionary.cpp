// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/text/reading/pinyin_dictionary.h"

#include <charconv>
#include <cmath>

#include "kiosk/core/text/data_lines.h"
#include "kiosk/core/text/utf8.h"

namespace kiosk::core::speech {
namespace {

std::uint64_t hash_of(std::u32string_view word) {
  std::uint64_t h = 1469598103934665603ULL;   // FNV-1a over code points
  for (char32_t c : word) {
    h ^= static_cast<std::uint64_t>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

std::size_t count_syllables(std::string_view pinyin) {
  std::size_t n = 0;
  std::size_t at = 0;
  while (at < pinyin.size()) {
    const std::size_t end = std::min(pinyin.find(' ', at), pinyin.size());
    if (!is_numbered_syllable(pinyin.substr(at, end - at))) return 0;
    ++n;
    at = end + 1;
  }
  return n;
}

Error line_error(std::size_t line, const std::string& problem) {
  return Error{"pinyin_dictionary", "line " + std::to_string(line) + ": " + problem};
}

}  // namespace

bool is_numbered_syllable(std::string_view s) {
  if (s.size() < 2 || s.size() > 7) return false;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] < 'a' || s[i] > 'z') return false;
  }
  return s.back() >= '1' && s.back() <= '5';
}

Result<PinyinDictionary> PinyinDictionary::parse(std::string_view tsv) {
  PinyinDictionary d;
  // Sized from the file (about 22 bytes a line, a third of them pinyin) so the pools are
  // never copied while growing.
  d.m_entries.reserve(tsv.size() / 20);
  d.m_words.reserve(tsv.size() / 7);
  d.m_pinyin.reserve(tsv.size() / 2);
  DataLines lines(tsv);
  std::string_view line;
  std::size_t line_no = 0;
  while (lines.next(line, line_no)) {
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) return line_error(line_no, "expected word, pinyin and frequency");
    // The word is decoded straight into the pool (no string per line: 76,000 lines).
    const std::size_t word_offset = d.m_words.size();
    const std::string_view word_bytes = line.substr(0, tab1);
    for (std::size_t b = 0; b < word_bytes.size();) {
      const Utf8Step step = utf8_next(word_bytes, b);
      if (!is_han(step.cp)) return line_error(line_no, "word holds a character that is not Han");
      d.m_words.push_back(step.cp);
      b += step.size;
    }
    const std::size_t word_length = d.m_words.size() - word_offset;
    const std::string_view pinyin = line.substr(tab1 + 1, tab2 - tab1 - 1);
    const std::string_view freq_text = line.substr(tab2 + 1);
    if (word_length == 0 || word_length > 32) return line_error(line_no, "word empty or too long");
    if (count_syllables(pinyin) != word_length)
      return line_error(line_no, "pinyin must be one tone-numbered syllable per character");
    std::uint64_t freq = 0;
    const auto parsed = std::from_chars(freq_text.data(), freq_text.data() + freq_text.size(), freq);
    if (parsed.ec != std::errc() || parsed.ptr != freq_text.data() + freq_text.size() || freq == 0)
      return line_error(line_no, "frequency must be a whole number above 0");
    Entry e{};
    e.word_offset = static_cast<std::uint32_t>(word_offset);
    e.word_length = static_cast<std::uint8_t>(word_length);
    e.pinyin_offset = static_cast<std::uint32_t>(d.m_pinyin.size());
    e.pinyin_length = static_cast<std::uint16_t>(pinyin.size());
    e.log_prob = static_cast<float>(std::log(static_cast<double>(freq)) - std::log(1e12));
    d.m_pinyin += pinyin;
    d.m_entries.push_back(e);
    if (word_length > d.m_max_length) d.m_max_length = word_length;
  }
  std::size_t slots = 16;
  while (slots < d.m_entries.size() * 2) slots *= 2;
  d.m_slots.assign(slots, 0);
  // Later duplicates replace earlier ones (insert overwrites the slot of an equal word).
  for (std::uint32_t i = 0; i < d.m_entries.size(); ++i) d.insert(i);
  return d;
}

std::size_t PinyinDictionary::slot_of(std::u32string_view word) const {
  const std::size_t mask = m_slots.size() - 1;
  std::size_t s = static_cast<std::size_t>(hash_of(word)) & mask;
  while (m_slots[s] != 0) {
    const Entry& e = m_entries[m_slots[s] - 1];
    if (std::u32string_view(m_words).substr(e.word_offset, e.word_length) == word) return s;
    s = (s + 1) & mask;
  }
  return s;
}

void PinyinDictionary::insert(std::uint32_t index) {
  const Entry& e = m_entries[index];
  m_slots[slot_of(std::u32string_view(m_words).substr(e.word_offset, e.word_length))] = index + 1;
}

std::optional<PinyinDictionary::Hit> PinyinDictionary::find(std::u32string_view word) const {
  if (m_slots.empty() || word.empty() || word.size() > m_max_length) return std::nullopt;
  const std::uint32_t index = m_slots[slot_of(word)];
  if (index == 0) return std::nullopt;
  const Entry& e = m_entries[index - 1];
  return Hit{std::string_view(m_pinyin).substr(e.pinyin_offset, e.pinyin_length), e.log_prob};
}

std::size_t PinyinDictionary::memory_bytes() const {
  return m_words.capacity() * sizeof(char32_t) + m_pinyin.capacity() +
         m_entries.capacity() * sizeof(Entry) + m_slots.capacity() * sizeof(std::uint32_t);
}

}  // namespace kiosk::core::speech
