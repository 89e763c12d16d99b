// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/text/lexicon.h"

#include <algorithm>

#include "kiosk/core/text/utf8.h"

namespace kiosk::core::speech {

Lexicon::Lexicon(std::vector<LexiconEntry> entries) : m_entries(std::move(entries)) {
  for (const LexiconEntry& e : m_entries) {
    if (e.word.empty() || e.pinyin.empty()) continue;
    Compiled c{utf8_to_u32(e.word), utf8_to_u32(e.pinyin)};
    auto& bucket = m_by_first[c.word.front()];
    auto same = std::find_if(bucket.begin(), bucket.end(),
                             [&](const Compiled& x) { return x.word == c.word; });
    if (same != bucket.end()) *same = std::move(c);
    else bucket.push_back(std::move(c));
  }
  for (auto& [first, bucket] : m_by_first) {
    std::stable_sort(bucket.begin(), bucket.end(), [](const Compiled& a, const Compiled& b) {
      return a.word.size() > b.word.size();
    });
  }
}

std::u32string Lexicon::apply(std::u32string_view text) const {
  if (m_by_first.empty()) return std::u32string(text);
  std::u32string out;
  out.reserve(text.size() + 16);
  std::size_t i = 0;
  while (i < text.size()) {
    const Compiled* hit = nullptr;
    if (auto it = m_by_first.find(text[i]); it != m_by_first.end()) {
      for (const Compiled& c : it->second) {
        if (text.substr(i, c.word.size()) == c.word) {
          hit = &c;
          break;
        }
      }
    }
    if (hit == nullptr) {
      out.push_back(text[i]);
      ++i;
      continue;
    }
    if (!out.empty() && !is_space(out.back())) out.push_back(U' ');
    out += hit->pinyin;
    i += hit->word.size();
    if (i < text.size() && !is_space(text[i])) out.push_back(U' ');
  }
  return out;
}

std::string Lexicon::apply(std::string_view utf8_text) const {
  return u32_to_utf8(apply(utf8_to_u32(utf8_text)));
}

}  // namespace kiosk::core::speech
