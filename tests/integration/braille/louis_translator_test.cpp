// SPDX-License-Identifier: GPL-3.0-or-later
// Translation against liblouis 3.24 and the project tables in config/braille.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "drivers/braille/louis_translator.h"
#include "kiosk/core/present/braille/braille_text.h"

using namespace kiosk::drivers::braille;
namespace cb = kiosk::core::braille;

namespace {

LouisTranslator& translator() {
  static std::unique_ptr<LouisTranslator> t = [] {
    LouisOpenResult r = LouisTranslator::open({std::string(KIOSK_SOURCE_ROOT) + "/config/braille"});
    if (!r.translator) ADD_FAILURE() << r.error;
    return std::move(r.translator);
  }();
  return *t;
}

std::string cells(const std::string& text, const cb::BrailleTables& tables = {}) {
  const cb::Translation t = translator().translate(text, tables);
  EXPECT_TRUE(t.ok()) << t.error;
  return t.cells;
}

cb::BrailleTables g1() { return cb::tables_for_setting(cb::kTableZhCurrent); }

}  // namespace

TEST(LouisTranslator, NationalCommonBrailleWithTheQueryFix) {
  // docs/design.md 9.2: zhcn-cbs gives 查 as zhā (34-35-1); the project table writes 茶寻.
  // Tone omission depends on the neighbours: before chá, 贴 keeps its tone (⠁).
  EXPECT_EQ(cells("残疾人两项补贴查询"), "⠉⠧⠛⠊⠂⠚⠴⠇⠭⠄⠓⠭⠃⠥⠄⠞⠑⠁⠟⠔⠓⠸⠂");
  EXPECT_EQ(cells("查询"), "⠟⠔⠓⠸⠂");
  const cb::Translation t = translator().translate("查询", {});
  EXPECT_EQ(t.table, "kiosk-zh.ctb");
}

TEST(LouisTranslator, CurrentBrailleWritesEveryTone) {
  EXPECT_EQ(cells("残疾人两项补贴查询", g1()), "⠉⠧⠂⠛⠊⠂⠚⠴⠂⠇⠭⠄⠓⠭⠆⠃⠥⠄⠞⠑⠁⠟⠔⠂⠓⠸⠂");
  EXPECT_EQ(translator().translate("查询", g1()).table, "kiosk-zh-g1.ctb");
}

TEST(LouisTranslator, EnglishGrade1AndGrade2) {
  const std::string text = "Please enter your ID card number.";
  EXPECT_EQ(cells(text), "⠠⠏⠇⠑⠁⠎⠑⠀⠑⠝⠞⠑⠗⠀⠽⠕⠥⠗⠀⠠⠠⠊⠙⠀⠉⠁⠗⠙⠀⠝⠥⠍⠃⠑⠗⠲");
  const cb::Translation g2 = translator().translate(text, cb::tables_for_setting("en-ueb-g2"));
  EXPECT_EQ(g2.cells, "⠠⠏⠇⠂⠎⠑⠀⠢⠞⠻⠀⠽⠗⠀⠠⠠⠊⠙⠀⠉⠜⠙⠀⠝⠥⠍⠃⠻⠲");
  EXPECT_EQ(g2.table, "en-ueb-g2.ctb");
}

TEST(LouisTranslator, DigitsAreNumericBrailleNeverChineseNumerals) {
  EXPECT_EQ(cells("110"), "⠼⠁⠁⠚");
  EXPECT_EQ(cells("11010119900307777X"), "⠼⠁⠁⠚⠁⠚⠁⠁⠊⠊⠚⠚⠉⠚⠛⠛⠛⠛⠠⠭");
  EXPECT_EQ(cells("电话12345。"), "⠙⠩⠓⠿⠆⠀⠼⠁⠃⠉⠙⠑⠀⠐⠆");
  EXPECT_EQ(cells("电话12345。", g1()), "⠙⠩⠆⠓⠿⠆⠼⠁⠃⠉⠙⠑⠐⠆");
}

TEST(LouisTranslator, MixedTextLatinInsideChinese) {
  EXPECT_EQ(cells("ATM"), "⠠⠠⠁⠞⠍");
  const std::string mixed = cells("请在ATM机查询");
  EXPECT_NE(mixed.find("⠠⠠⠁⠞⠍"), std::string::npos);
  EXPECT_NE(mixed.find("⠟⠔⠓⠸⠂"), std::string::npos);
}

TEST(LouisTranslator, PositionsMapEveryCellToItsCharacter) {
  const cb::Translation t = translator().translate("查询110", {});
  ASSERT_TRUE(t.ok());
  const auto dots = cb::utf8_decode(t.cells);
  ASSERT_EQ(dots.size(), t.source.size());
  for (char32_t c : dots) EXPECT_TRUE(cb::is_braille_cell(c));
  EXPECT_EQ(t.source.front(), 0);
  EXPECT_EQ(t.source.back(), 4);
  for (std::size_t i = 1; i < t.source.size(); ++i) EXPECT_GE(t.source[i], t.source[i - 1]);
  // The override is one word rule: its 5 cells all point at 查, so panning never
  // splits the word; the digits after it point at their own characters.
  EXPECT_EQ(t.source[4], 0);
  EXPECT_GE(t.source[t.source.size() - 2], 2);
}

TEST(LouisTranslator, EmptyTextIsEmptyAndOk) {
  const cb::Translation t = translator().translate("", {});
  EXPECT_TRUE(t.ok());
  EXPECT_TRUE(t.cells.empty());
}

// docs/accessibility.md 5: for each lexicon homophone, translate(word) == translate(homophone)
// through each project table.
TEST(LouisOverrides, EveryLexiconHomophoneGivesTheSameCells) {
  const toml::table doc = toml::parse_file(std::string(KIOSK_SOURCE_ROOT) + "/config/speech/lexicon.toml");
  int checked = 0;
  for (const toml::node& node : *doc["entry"].as_array()) {
    const toml::table& entry = *node.as_table();
    const auto word = entry["word"].value<std::string>();
    const auto homophone = entry["homophone"].value<std::string>();
    if (!word || !homophone) continue;
    for (const std::string table : {"kiosk-zh.ctb", "kiosk-zh-g1.ctb"}) {
      EXPECT_EQ(translator().translate_with(*word, table).cells,
                translator().translate_with(*homophone, table).cells)
          << *word << " vs " << *homophone << " in " << table;
    }
    ++checked;
  }
  EXPECT_GE(checked, 2);   // at least 查询 and 行长
}

TEST(LouisOverrides, WithoutTheOverrideTheSystemTableIsWrong) {
  // Guards the test above: if zhcn-cbs were fixed upstream the override would be moot.
  EXPECT_NE(translator().translate_with("查询", "zhcn-cbs.ctb").cells,
            translator().translate_with("茶寻", "zhcn-cbs.ctb").cells);
  EXPECT_EQ(translator().translate_with("行长", "kiosk-zh.ctb").cells, "⠓⠦⠌⠦⠄");
}

TEST(LouisOverrides, CheckedInTablesMatchTheLexicon) {
  const std::string cmd = std::string(KIOSK_BRAILLE_TABLES_TOOL) + " --check --lexicon " +
                          KIOSK_SOURCE_ROOT + "/config/speech/lexicon.toml --out " +
                          KIOSK_SOURCE_ROOT + "/config/braille";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << "run: " << cmd << " without --check";
}
