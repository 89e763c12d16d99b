// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/text/reading/reader.h"

#include <limits>

#include "kiosk/core/text/utf8.h"

namespace kiosk::core::speech {
namespace {

// A character the word list does not know: read alone, at a cost below any real word.
constexpr double kUnknownScore = -32.0;
// A reviewed multi-character lexicon word beats every dictionary path through it (a
// dictionary word scores below log(1e-6) = -13.8), and a longer lexicon word beats two
// shorter ones.
constexpr double kLexiconScore = -1.0;
constexpr double kTieEpsilon = 1e-9;

std::vector<std::string> split_syllables(std::string_view pinyin) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < pinyin.size()) {
    std::size_t end = pinyin.find(' ', at);
    if (end == std::string_view::npos) end = pinyin.size();
    if (end > at) out.emplace_back(pinyin.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

bool is_pinyin_separator_free(char32_t c) {
  // After a syllable, punctuation and spaces need no space before them.
  return is_space(c) || (!is_han(c) && !is_ascii_letter(c) && !is_ascii_digit(c) && c >= 0x2000) ||
         c == U',' || c == U'.' || c == U'!' || c == U'?' || c == U';' || c == U':' || c == U')';
}

}  // namespace

Reader::Reader(std::shared_ptr<const PinyinDictionary> dictionary, const Lexicon& lexicon)
    : m_dictionary(std::move(dictionary)) {
  for (const LexiconEntry& e : lexicon.entries()) {
    std::u32string word = utf8_to_u32(e.word);
    std::vector<std::string> syllables = split_syllables(e.pinyin);
    bool valid = !word.empty() && syllables.size() == word.size();
    for (const std::string& s : syllables) valid = valid && is_numbered_syllable(s);
    for (char32_t c : word) valid = valid && is_han(c);
    if (!valid) continue;
    // The lexicon may write 一/不 as spoken (一次 yi2 ci4, as eSpeak needed before); the
    // reading step applies those changes itself, so it keeps the citation tone.
    for (std::size_t k = 0; k < word.size(); ++k) {
      if (word[k] == U'一' && (syllables[k] == "yi2" || syllables[k] == "yi4")) syllables[k] = "yi1";
      if (word[k] == U'不' && syllables[k] == "bu2") syllables[k] = "bu4";
    }
    if (word.size() > m_lexicon_max) m_lexicon_max = word.size();
    m_lexicon[std::move(word)] = std::move(syllables);   // the last duplicate wins
  }
}

std::optional<Reader::Word> Reader::word_at(std::u32string_view run, std::size_t at,
                                            std::size_t length) const {
  const std::u32string_view w = run.substr(at, length);
  std::optional<PinyinDictionary::Hit> hit;
  if (m_dictionary) hit = m_dictionary->find(w);
  if (length <= m_lexicon_max) {
    if (auto it = m_lexicon.find(std::u32string(w)); it != m_lexicon.end()) {
      // A one-character lexicon entry changes the character's reading, not how often it
      // stands alone: it must not pull words apart.
      const double score = length > 1 ? kLexiconScore : (hit ? hit->log_prob : kUnknownScore + 1);
      return Word{length, it->second, score};
    }
  }
  if (hit) return Word{length, split_syllables(hit->pinyin), hit->log_prob};
  if (length == 1) return Word{1, {}, kUnknownScore};
  return std::nullopt;
}

// Dynamic programming over end positions: best[i] is the best score of run[0, i). Ties
// (equal scores) keep the path found first, which is the one whose last word is longest
// because lengths are tried longest first: the result never depends on hash order.
std::vector<Reader::Word> Reader::best_path(std::u32string_view run) const {
  const std::size_t n = run.size();
  const std::size_t max_len = std::max(m_lexicon_max, m_dictionary ? m_dictionary->max_word_length() : 1);
  std::vector<double> best(n + 1, -std::numeric_limits<double>::infinity());
  std::vector<std::optional<Word>> last(n + 1);
  best[0] = 0;
  for (std::size_t end = 1; end <= n; ++end) {
    for (std::size_t len = std::min(max_len, end); len >= 1; --len) {
      const std::size_t start = end - len;
      if (best[start] == -std::numeric_limits<double>::infinity()) continue;
      std::optional<Word> w = word_at(run, start, len);
      if (!w) continue;
      const double score = best[start] + w->score;
      if (score > best[end] + kTieEpsilon) {
        best[end] = score;
        last[end] = std::move(w);
      }
    }
  }
  std::vector<Word> words;
  for (std::size_t end = n; end > 0;) {
    words.push_back(*last[end]);
    end -= last[end]->length;
  }
  return {words.rbegin(), words.rend()};
}

std::vector<std::size_t> Reader::segment(std::u32string_view han_run) const {
  std::vector<std::size_t> lengths;
  for (const Word& w : best_path(han_run)) lengths.push_back(w.length);
  return lengths;
}

void Reader::read_run(std::u32string_view run, std::size_t offset, TextReading& out) const {
  std::size_t at = offset;
  for (const Word& w : best_path(run)) {
    out.word_start[at] = true;
    for (std::size_t k = 0; k < w.length; ++k) {
      if (k < w.syllables.size()) out.citation[at + k] = w.syllables[k];
    }
    at += w.length;
  }
}

TextReading Reader::read(std::u32string_view text) const {
  TextReading out;
  out.citation.assign(text.size(), std::string{});
  out.word_start.assign(text.size(), false);
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_han(text[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < text.size() && is_han(text[e])) ++e;
    read_run(text.substr(i, e - i), i, out);
    i = e;
  }
  out.spoken = out.citation;
  apply_context_readings(text, out);
  apply_tone_sandhi(text, out);
  return out;
}

TextReading Reader::read(std::string_view utf8_text) const {
  return read(std::u32string_view(utf8_to_u32(utf8_text)));
}

std::u32string Reader::to_pinyin(std::u32string_view text) const {
  const TextReading r = read(text);
  std::u32string out;
  out.reserve(text.size() * 6);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (r.spoken[i].empty()) {
      out.push_back(text[i]);
      continue;
    }
    if (!out.empty() && (is_ascii_letter(out.back()) || is_ascii_digit(out.back()) || is_han(out.back())))
      out.push_back(U' ');
    for (char c : r.spoken[i]) out.push_back(static_cast<char32_t>(c));
    if (i + 1 < text.size() && r.spoken[i + 1].empty() && !is_pinyin_separator_free(text[i + 1]))
      out.push_back(U' ');
  }
  return out;
}

std::string Reader::to_pinyin(std::string_view utf8_text) const {
  return u32_to_utf8(to_pinyin(std::u32string_view(utf8_to_u32(utf8_text))));
}

}  // namespace kiosk::core::speech
