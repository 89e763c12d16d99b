// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Phonemes of what the engine would say, through espeak_TextToPhonemes (mode 0: ASCII
// with tone digits; IPA drops the tones). For pronunciation tests and the --announce
// check. Shares the engine with a running EspeakDriver safely (engine lock); any thread.
#include <string>
#include <vector>

#include "drivers/speech/speech_result.h"
#include "kiosk/core/text/script_split.h"

namespace kiosk::drivers::speech {

// Each run with its own voice; runs joined by a space. Raw eSpeak notation.
SpeechResult<std::string> phonemes_of(const std::vector<core::speech::SpeechRun>& runs);
// Drops stress marks (' ,), word/syllable marks (_ |) and collapses spaces, so two
// spellings of the same sound compare equal.
std::string comparable_phonemes(const std::string& raw);

}  // namespace kiosk::drivers::speech
