// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the pronunciation lexicon (config/speech/lexicon.toml, toml++): [[entry]] tables
// with word, pinyin and optional homophone. Any thread; reads the file once.
#include <string>
#include <vector>

#include "drivers/speech/speech_result.h"
#include "kiosk/core/text/lexicon.h"

namespace kiosk::drivers::speech {

// Errors name the file, line and column (code "lexicon_parse_error" or "lexicon_invalid").
SpeechResult<std::vector<core::speech::LexiconEntry>> load_lexicon_file(const std::string& path);
SpeechResult<std::vector<core::speech::LexiconEntry>> parse_lexicon(const std::string& toml_text,
                                                                    const std::string& source_name);

}  // namespace kiosk::drivers::speech
