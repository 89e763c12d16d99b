// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/text/script_split.h"

#include "kiosk/core/text/utf8.h"

namespace kiosk::core::speech {
namespace {

enum class Script { Neutral, Chinese, English };

bool is_latin_word_char(char32_t c) {
  return is_ascii_letter(c) || c == U'ü' || c == U'Ü' || (c >= 0xC0 && c <= 0x24F && c != 0xD7 &&
                                                          c != 0xF7);
}

bool is_lower_pinyin(std::u32string_view w) {
  for (char32_t c : w) {
    if (!((c >= U'a' && c <= U'z') || c == U'ü')) return false;
  }
  return !w.empty();
}

std::u32string trim(std::u32string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::u32string(s.substr(b, e - b));
}

bool has_speakable(std::u32string_view s) {
  for (char32_t c : s) {
    if (is_han(c) || is_latin_word_char(c) || is_ascii_digit(c)) return true;
  }
  return false;
}

}  // namespace

std::vector<SpeechRun> split_runs(std::u32string_view text, TextLanguage fallback) {
  struct Piece {
    Script script;
    std::u32string text;
  };
  std::vector<Piece> pieces;
  auto add = [&](Script script, std::u32string_view t) {
    if (pieces.empty()) {
      pieces.push_back({script, std::u32string(t)});
    } else if (script == Script::Neutral || pieces.back().script == script) {
      pieces.back().text += t;
    } else if (pieces.back().script == Script::Neutral) {
      // Only a leading prefix can be neutral: it takes the first real script.
      pieces.back().script = script;
      pieces.back().text += t;
    } else {
      pieces.push_back({script, std::u32string(t)});
    }
  };

  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t c = text[i];
    if (is_han(c)) {
      add(Script::Chinese, text.substr(i, 1));
      ++i;
    } else if (is_latin_word_char(c)) {
      std::size_t e = i;
      while (e < text.size() && is_latin_word_char(text[e])) ++e;
      std::u32string_view word = text.substr(i, e - i);
      // Pinyin syllable: lower-case letters plus one tone digit 1-5 and no more digits.
      if (e < text.size() && text[e] >= U'1' && text[e] <= U'5' &&
          (e + 1 >= text.size() || !is_ascii_digit(text[e + 1])) && is_lower_pinyin(word)) {
        add(Script::Chinese, text.substr(i, e + 1 - i));
        i = e + 1;
      } else {
        add(Script::English, word);
        i = e;
      }
    } else {
      add(Script::Neutral, text.substr(i, 1));
      ++i;
    }
  }

  const bool english_default = fallback == TextLanguage::English;
  std::vector<SpeechRun> runs;
  for (Piece& p : pieces) {
    std::u32string t = trim(p.text);
    if (t.empty()) continue;
    Script s = p.script;
    if (s == Script::Neutral) s = english_default ? Script::English : Script::Chinese;
    const std::string voice(s == Script::English ? kVoiceEnglish : kVoiceChinese);
    // Punctuation-only leftovers would cost a voice switch for nothing.
    if (!has_speakable(t) && !runs.empty()) {
      runs.back().text += u32_to_utf8(t);
      continue;
    }
    if (!runs.empty() && runs.back().voice == voice) {
      runs.back().text += ' ';
      runs.back().text += u32_to_utf8(t);
    } else {
      runs.push_back({voice, u32_to_utf8(t)});
    }
  }
  return runs;
}

std::vector<SpeechRun> split_runs(std::string_view utf8_text, TextLanguage fallback) {
  return split_runs(std::u32string_view(utf8_to_u32(utf8_text)), fallback);
}

std::string join_runs(const std::vector<SpeechRun>& runs) {
  std::string out;
  for (const SpeechRun& r : runs) {
    if (!out.empty()) out += ' ';
    out += r.text;
  }
  return out;
}

}  // namespace kiosk::core::speech
