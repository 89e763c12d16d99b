// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Splits text for the speech engine into runs, one voice per run (docs/accessibility.md
// section 4): Han characters and tone-numbered pinyin ("yin2") go to cmn-latn-pinyin,
// Latin words to en-us (the pinyin voice would read "ATM" as pinyin). Spaces, digits
// and punctuation join the run before them (or the first run), so punctuation never
// forces a voice switch. Pure, any thread.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core::speech {

inline constexpr std::string_view kVoiceChinese = "cmn-latn-pinyin";  // never "cmn" (1.51)
inline constexpr std::string_view kVoiceEnglish = "en-us";

enum class TextLanguage { Auto, Chinese, English };

struct SpeechRun {
  std::string voice;  // kVoiceChinese or kVoiceEnglish
  std::string text;   // UTF-8, trimmed, never empty
  bool operator==(const SpeechRun&) const = default;
};

// `fallback` is the voice for text with no letters or Han at all (Auto = Chinese).
std::vector<SpeechRun> split_runs(std::u32string_view text,
                                  TextLanguage fallback = TextLanguage::Auto);
std::vector<SpeechRun> split_runs(std::string_view utf8_text,
                                  TextLanguage fallback = TextLanguage::Auto);

// Runs joined by single spaces: the `spoken` field of transcript speech events.
std::string join_runs(const std::vector<SpeechRun>& runs);

}  // namespace kiosk::core::speech
