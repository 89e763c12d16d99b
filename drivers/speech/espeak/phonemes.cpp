// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/speech/espeak/phonemes.h"

#include "drivers/speech/espeak/espeak_engine.h"

namespace kiosk::drivers::speech {

SpeechResult<std::string> phonemes_of(const std::vector<core::speech::SpeechRun>& runs) {
  espeak::EngineLock engine;
  if (!engine.ready()) return SpeechError{"espeak_init_failed", engine.error()};
  std::string out;
  for (const core::speech::SpeechRun& run : runs) {
    if (!engine.select_voice(run.voice)) {
      return SpeechError{"espeak_voice_missing", "cannot load voice " + run.voice};
    }
    const std::string ph = engine.text_to_phonemes(run.text);
    if (!out.empty() && !ph.empty()) out += ' ';
    out += ph;
  }
  // Leave the engine as the speech worker expects it while idle.
  engine.select_voice(core::speech::kVoiceChinese);
  return out;
}

std::string comparable_phonemes(const std::string& raw) {
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == '\'' || c == ',' || c == '_' || c == '|') continue;
    if (c == ' ' || c == '\n' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace kiosk::drivers::speech
