// SPDX-License-Identifier: GPL-3.0-or-later
// The spoken tone changes (docs/accessibility.md section 4): 一 and 不 before another
// syllable, and a third tone before a third tone. Braille writes citation tones, so only
// `spoken` changes. Also the one reading that depends on the words around it (为).
#include <string_view>

#include "kiosk/core/text/reading/reader.h"

namespace kiosk::core::speech {
namespace {

constexpr std::u32string_view kDigitNumerals = U"零〇一二三四五六七八九十幺两";
constexpr std::u32string_view kLargeUnits = U"百千万亿";
// 第一, 初一, 周一, 星期一, 统一, 唯一, 万一 (wàn yī): 一 keeps its tone after these.
constexpr std::u32string_view kYiKeepsAfter = U"第初周期统唯万逐";
// Dates and counting: 一月, 一日, 一号, 一楼 read yī.
constexpr std::u32string_view kYiKeepsBefore = U"月日号楼";

int tone_of(const std::string& syllable) {
  return syllable.empty() ? 0 : syllable.back() - '0';
}

void set_tone(std::string& syllable, int tone) { syllable.back() = static_cast<char>('0' + tone); }

bool in(std::u32string_view set, char32_t c) { return c != 0 && set.find(c) != std::u32string_view::npos; }

bool last_of_word(const TextReading& r, std::size_t i) {
  return !r.word_start[i] && (i + 1 == r.word_start.size() || r.word_start[i + 1]);
}

void yi_sandhi(std::u32string_view text, TextReading& r, std::size_t i) {
  const char32_t prev = i > 0 ? text[i - 1] : 0;
  const char32_t next = text[i + 1];
  if (in(kYiKeepsAfter, prev) || (in(kDigitNumerals, prev) && !r.citation[i - 1].empty())) return;
  if ((in(kDigitNumerals, next) && !in(kLargeUnits, next)) || in(kYiKeepsBefore, next)) return;
  if (last_of_word(r, i)) return;
  const int next_tone = tone_of(r.citation[i + 1]);
  set_tone(r.spoken[i], next_tone >= 4 ? 2 : 4);
}

// 为 is wèi ("for": 为您, 为了) in the word list; before a number, 每, 周 and the like,
// or after a verb of naming, it is wéi ("is, as": 时间为周一, 调整为每月, 改为).
constexpr std::u32string_view kWeiBefore = U"零〇一二三四五六七八九十两百千万每周准止主期";
constexpr std::u32string_view kWeiAfter = U"改代作成称认视分选定设列译登记";

void wei_reading(std::u32string_view text, TextReading& r, std::size_t i) {
  const char32_t prev = i > 0 ? text[i - 1] : 0;
  const char32_t next = i + 1 < text.size() ? text[i + 1] : 0;
  if (!r.word_start[i] || (i + 1 < text.size() && !r.word_start[i + 1])) return;   // inside a word
  if (in(kWeiBefore, next) || in(kWeiAfter, prev)) r.citation[i] = r.spoken[i] = "wei2";
}

}  // namespace

void apply_context_readings(std::u32string_view text, TextReading& r) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == U'为' && r.citation[i] == "wei4") wei_reading(text, r, i);
  }
}

void apply_tone_sandhi(std::u32string_view text, TextReading& r) {
  const std::size_t n = text.size();
  if (n < 2) return;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (r.citation[i].empty() || r.citation[i + 1].empty()) continue;
    if (text[i] == U'一' && r.citation[i] == "yi1") {
      yi_sandhi(text, r, i);
    } else if (text[i] == U'不' && r.citation[i] == "bu4" && tone_of(r.citation[i + 1]) == 4) {
      set_tone(r.spoken[i], 2);
    }
  }
  // 3-3 inside a word first (展览馆 zhan2 lan2 guan3), then from a one-syllable word into
  // a third tone that is still third (很好 hen2 hao3; 把手语 ba3 shou2 yu3, 我很好 wo3
  // hen2 hao3), right to left so the tighter pair changes first.
  auto third = [&](std::size_t i) { return tone_of(r.spoken[i]) == 3; };
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (r.spoken[i].empty() || r.citation[i + 1].empty() || r.word_start[i + 1]) continue;
    if (third(i) && tone_of(r.citation[i + 1]) == 3) set_tone(r.spoken[i], 2);
  }
  for (std::size_t i = n - 1; i-- > 0;) {
    if (r.spoken[i].empty() || r.spoken[i + 1].empty()) continue;
    const bool single = r.word_start[i] && r.word_start[i + 1];
    if (single && third(i) && third(i + 1)) set_tone(r.spoken[i], 2);
  }
}

}  // namespace kiosk::core::speech
