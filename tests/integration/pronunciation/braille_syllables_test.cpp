// SPDX-License-Identifier: GPL-3.0-or-later
// config/braille/syllables.tsv against liblouis (issue 13): each canonical character is
// written by zhcn-cbs as the cells the table records, so the braille channel's cells
// are liblouis's cells for the chosen syllable; and the file is what the generator
// writes from the current word list and tables.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

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

struct Row {
  std::string syllable, character, cells;
};

std::vector<Row> rows() {
  std::vector<Row> out;
  std::ifstream in(std::string(KIOSK_SOURCE_ROOT) + "/config/braille/syllables.tsv");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Row r;
    std::getline(fields, r.syllable, '\t');
    std::getline(fields, r.character, '\t');
    std::getline(fields, r.cells, '\t');
    out.push_back(r);
  }
  return out;
}

std::string initial_of(const std::string& s) {
  for (const char* i : {"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
                        "z", "c", "s", "y", "w"})
    if (s.rfind(i, 0) == 0) return i;
  return "";
}

// GF 0019-2018's tone rule, as the cells the braille channel writes show it: a syllable
// carries its own tone mark (⠁ ⠂ ⠄ ⠆ for tones 1-4), except the neutral tone (no mark)
// and the one tone each initial leaves unwritten (f leaves the first tone unwritten, the
// scheme's own example); syllables without an initial are the scheme's exceptions.
TEST(PronunciationBrailleSyllables, ToneMarksFollowTheSchemesOmissionRule) {
  const std::map<std::string, char> marks = {{"⠁", '1'}, {"⠂", '2'}, {"⠄", '3'}, {"⠆", '4'}};
  std::map<std::string, std::set<char>> unwritten;
  int checked = 0;
  for (const Row& r : rows()) {
    ASSERT_GE(r.cells.size(), 3u) << r.syllable;
    const std::string last = r.cells.substr(r.cells.size() - 3);   // one cell is 3 UTF-8 bytes
    const char tone = r.syllable.back();
    const auto mark = marks.find(last);
    if (tone == '5') {
      EXPECT_EQ(mark, marks.end()) << r.syllable << ": the neutral tone carries no mark";
    } else if (mark != marks.end()) {
      EXPECT_EQ(mark->second, tone) << r.syllable << " " << r.cells;
    } else {
      unwritten[initial_of(r.syllable)].insert(tone);
    }
    ++checked;
  }
  for (const auto& [initial, tones] : unwritten) {
    if (initial.empty()) continue;
    EXPECT_EQ(tones.size(), 1u) << "initial " << initial << " leaves more than one tone unwritten";
  }
  EXPECT_EQ(unwritten["f"], (std::set<char>{'1'}));
  EXPECT_EQ(unwritten["sh"], (std::set<char>{'4'}));   // 是 shì: ⠱
  EXPECT_GT(checked, 1300);
}

TEST(PronunciationBrailleSyllables, ABadTableIsReportedAndLiblouisReadsAlone) {
  auto opened = kiosk::drivers::braille::LouisTranslator::open({std::string(KIOSK_SOURCE_ROOT) + "/config/braille"});
  ASSERT_TRUE(opened.translator) << opened.error;
  auto none = [] { return std::shared_ptr<const kiosk::core::speech::Reader>(); };
  EXPECT_EQ(opened.translator->follow_readings(none, "/nonexistent/syllables.tsv"), "/nonexistent/syllables.tsv: cannot read");
  const std::string bad = ::testing::TempDir() + "/syllables_bad.tsv";
  std::ofstream(bad) << "# x\nqu1\t驱\nqu\t驱\n";
  EXPECT_EQ(opened.translator->follow_readings(none, bad), bad + ":3: not a tone-numbered syllable");
  // Without a reading the translator is liblouis alone: zhcn-cbs's own 社区 (ōu).
  EXPECT_EQ(opened.translator->translate("社区", {}).cells, opened.translator->translate_with("社区", "kiosk-zh.ctb").cells);
}

TEST(PronunciationBrailleSyllables, TheFileIsUpToDate) {
  const std::string tool = std::string(KIOSK_SOURCE_ROOT) + "/tools/pinyin_dict/braille_syllables.py";
  if (std::system("command -v python3 >/dev/null && command -v lou_translate >/dev/null") != 0)
    GTEST_SKIP() << "python3 or lou_translate (liblouis-bin) missing: cannot regenerate";
  EXPECT_EQ(std::system(("python3 '" + tool + "' --check 2>/dev/null").c_str()), 0)
      << "config/braille/syllables.tsv is stale: run " << tool;
}

}  // namespace
