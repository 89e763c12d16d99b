// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Text normaliser for what goes to the speech engine; the screen keeps the original
// (docs/accessibility.md section 4). Numbers become words the way a person reads them:
// ID numbers digit by digit in 6-8-4 groups (final X as its own en-us run), phones
// digit by digit with 1 = 幺 (mobiles 3-4-4, area code apart), other codes digit by
// digit, years 二零二四年, dates, times, money (yuan/jiao/fen), percentages, 2 + measure
// word = 两, ranges and common symbols; English text gets the English equivalents.
// Then the lexicon replaces polyphones by pinyin and the script splitter makes runs.
// Pure, no state: any thread.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/text/lexicon.h"
#include "kiosk/core/text/reading/reader.h"
#include "kiosk/core/text/script_split.h"

namespace kiosk::core::speech {

struct NormalisedSpeech {
  std::string spoken;           // runs joined by spaces (transcript field "spoken")
  std::vector<SpeechRun> runs;  // what the engine gets, one voice per run
  bool operator==(const NormalisedSpeech&) const = default;
};

// Auto: Chinese rules when the text holds any Han character, English rules otherwise.
TextLanguage detect_language(std::string_view utf8_text);

// Numbers and symbols only (no lexicon, no runs). UTF-8 in and out.
std::string normalise_text(std::string_view utf8_text, TextLanguage language = TextLanguage::Auto);

// The full pipeline: normalise_text, then the lexicon (may be null), then split_runs.
NormalisedSpeech normalise(std::string_view utf8_text, TextLanguage language = TextLanguage::Auto,
                           const Lexicon* lexicon = nullptr);

// The kiosk's pipeline (issue 13): normalise_text, then the reading step turns every Han
// character into its spoken pinyin syllable, then split_runs; eSpeak's own character
// dictionary is never consulted for Chinese. A null reader gives the lexicon-less form.
NormalisedSpeech normalise(std::string_view utf8_text, TextLanguage language, const Reader* reader);

}  // namespace kiosk::core::speech
