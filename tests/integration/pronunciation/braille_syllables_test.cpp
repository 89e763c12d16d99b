// SPDX-License-Identifier: GPL-3.0-or-later
// config/braille/syllables.tsv against liblouis (issue 13): each canonical character is
// written by zhcn-cbs as the cells the table records, so the braille channel's cells
// are liblouis's cells for the chosen syllable; and the file is what the generator
// writes from the current word list and tables.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "drivers/braille/louis_translator.h"

namespace {

TEST(PronunciationBrailleSyllables, EveryCanonicalCharacterGivesItsCells) {
  auto opened = kiosk::drivers::braille::LouisTranslator::open({std::string(KIOSK_SOURCE_ROOT) + "/config/braille"});
  ASSERT_TRUE(opened.translator) << opened.error;
  std::ifstream in(std::string(KIOSK_SOURCE_ROOT) + "/config/braille/syllables.tsv");
  int rows = 0, safe = 0, generated = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string syllable, character, cells, note;
    std::getline(fields, syllable, '\t');
    std::getline(fields, character, '\t');
    std::getline(fields, cells, '\t');
    std::getline(fields, note);
    // Through the project table: it includes zhcn-cbs and the generated private-use rules.
    const auto t = opened.translator->translate_with(character, "kiosk-zh.ctb");
    ASSERT_TRUE(t.ok()) << t.error;
    EXPECT_EQ(t.cells, cells) << syllable << " " << character;
    ++rows;
    if (note.rfind("safe", 0) == 0) ++safe;
    if (note == "generated rule") ++generated;
  }
  std::printf("syllables: %d, of which %d with a character in no zhcn-cbs word rule, %d generated rules\n", rows, safe,
              generated);
  EXPECT_GT(rows, 1300);
}

TEST(PronunciationBrailleSyllables, TheFileIsUpToDate) {
  const std::string tool = std::string(KIOSK_SOURCE_ROOT) + "/tools/pinyin_dict/braille_syllables.py";
  if (std::system("command -v python3 >/dev/null && command -v lou_translate >/dev/null") != 0)
    GTEST_SKIP() << "python3 or lou_translate (liblouis-bin) missing: cannot regenerate";
  EXPECT_EQ(std::system(("python3 '" + tool + "' --check 2>/dev/null").c_str()), 0)
      << "config/braille/syllables.tsv is stale: run " << tool;
}

}  // namespace
