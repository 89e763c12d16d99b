// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The pronunciation audit (issue 13, docs/accessibility.md section 4): the kiosk's
// readings of every Chinese text compared, syllable by syllable and tone by tone, with a
// reference reading (pinyin-pro with its complete dictionary, see reference.mjs), and the
// braille cells of each Han run checked against the syllable table. Disagreements listed
// in the reviewed exceptions file (word, kiosk reading, reference reading, reason) pass;
// any other fails the audit. One thread.
#include <map>
#include <string>
#include <vector>

#include "drivers/braille/louis_translator.h"
#include "kiosk/core/present/braille/braille_reading.h"
#include "kiosk/core/text/reading/reader.h"

namespace pronunciation_audit {

struct Exception {
  std::string word, kiosk, reference, reason;
  bool used = false;
};

struct Finding {
  std::string text, word, kiosk, reference;
  bool tone_only = false;     // same letters, another tone
  bool reviewed = false;
  std::string reason;
};

struct Report {
  std::size_t texts = 0, syllables = 0;
  std::size_t speech_syllable_errors = 0, speech_tone_errors = 0;     // unreviewed, vs reference
  std::size_t reviewed_syllable = 0, reviewed_tone = 0;               // reviewed disagreements
  std::size_t braille_syllable_errors = 0, braille_tone_errors = 0;   // unreviewed, cells
  std::size_t braille_unmapped = 0;                                   // liblouis reads alone
  std::vector<Finding> findings;
  std::vector<std::string> braille_findings;
};

// "word<TAB>kiosk<TAB>reference<TAB>reason" lines, '#' comments. Errors: "file:line: problem".
bool load_exceptions(const std::string& path, std::vector<Exception>& out, std::string& error);

// `reference` maps each text to one syllable ("" for non-Han) per code point.
Report audit(const std::vector<std::string>& texts, const std::map<std::string, std::vector<std::string>>& reference,
             const kiosk::core::speech::Reader& reader, const kiosk::core::braille::SyllableCharacters& syllables,
             kiosk::drivers::braille::LouisTranslator& louis, std::vector<Exception>& exceptions);

void print_report(const Report& report, const std::vector<Exception>& exceptions);

}  // namespace pronunciation_audit
