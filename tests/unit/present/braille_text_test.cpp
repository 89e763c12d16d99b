// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "kiosk/core/present/braille/braille_input.h"
#include "kiosk/core/present/braille/braille_text.h"
#include "kiosk/core/present/braille/braille_translator.h"

using namespace kiosk::core::braille;

TEST(BrailleText, Utf8RoundTripsChineseAndBrailleCells) {
  const std::string text = "查询 ATM ⠉⠧";
  const std::u32string cps = utf8_decode(text);
  ASSERT_EQ(cps.size(), 9u);
  EXPECT_EQ(cps[0], U'查');
  EXPECT_TRUE(is_braille_cell(cps[7]));
  EXPECT_EQ(utf8_encode(cps), text);
}

TEST(BrailleText, InvalidBytesBecomeOneReplacementEach) {
  const std::u32string cps = utf8_decode(std::string("a\xff\xfe" "b"));
  EXPECT_EQ(cps, U"a\uFFFD\uFFFDb");
}

TEST(BrailleRuns, ChineseWithLatinStaysOneRunDigitsSplitOut) {
  const std::u32string text = U"请到ATM机取号，电话12345。";
  const auto runs = split_runs(text);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].script, Script::Han);
  EXPECT_EQ(text.substr(runs[0].begin, runs[0].end - runs[0].begin), U"请到ATM机取号，电话");
  EXPECT_EQ(runs[1].script, Script::Digits);
  EXPECT_EQ(text.substr(runs[1].begin, runs[1].end - runs[1].begin), U"12345");
  EXPECT_EQ(runs[2].script, Script::Han);
}

TEST(BrailleRuns, EnglishAndNumbersWithSeparators) {
  const std::u32string text = U"Due 2026-03-08, amount 3.5 yuan";
  const auto runs = split_runs(text);
  ASSERT_EQ(runs.size(), 5u);
  EXPECT_EQ(runs[0].script, Script::Latin);
  EXPECT_EQ(text.substr(runs[1].begin, runs[1].end - runs[1].begin), U"2026-03-08, ");
  EXPECT_EQ(runs[1].script, Script::Digits);
  EXPECT_EQ(text.substr(runs[3].begin, runs[3].end - runs[3].begin), U"3.5 ");
  EXPECT_EQ(runs[4].script, Script::Latin);
  EXPECT_EQ(runs.back().end, text.size());
}

TEST(BrailleRuns, RunsCoverTextWithoutGaps) {
  const std::u32string text = U"  (110) 号码 X";
  const auto runs = split_runs(text);
  ASSERT_FALSE(runs.empty());
  EXPECT_EQ(runs.front().begin, 0u);
  for (std::size_t i = 1; i < runs.size(); ++i) EXPECT_EQ(runs[i].begin, runs[i - 1].end);
  EXPECT_EQ(runs.back().end, text.size());
}

TEST(BrailleTablesSetting, NamesOneScriptKeepsTheOtherDefault) {
  EXPECT_EQ(tables_for_setting("kiosk-zh-g1").chinese, "kiosk-zh-g1");
  EXPECT_EQ(tables_for_setting("kiosk-zh-g1").english, "en-ueb-g1");
  EXPECT_EQ(tables_for_setting("en-ueb-g2").english, "en-ueb-g2");
  EXPECT_EQ(tables_for_setting("en-ueb-g2").chinese, "kiosk-zh");
  EXPECT_EQ(tables_for_setting("nonsense"), BrailleTables{});
}

TEST(BrailleKeyboardEntry, NumberSignThenLettersTypeDigits) {
  BrailleKeyboard kb(EntryKind::Text);
  EXPECT_FALSE(kb.feed(kNumberSign));
  EXPECT_EQ(kb.feed(dots_mask(1)), U'1');
  EXPECT_EQ(kb.feed(dots_mask(2, 4, 5)), U'0');
  EXPECT_EQ(kb.space(), U' ');
  EXPECT_EQ(kb.feed(dots_mask(1)), U'a');   // numeric mode ended by the space
}

TEST(BrailleKeyboardEntry, DigitFieldReadsLettersAsDigitsWithoutSign) {
  BrailleKeyboard kb(EntryKind::Digits);
  EXPECT_EQ(kb.feed(dots_mask(1, 2)), U'2');
  EXPECT_EQ(kb.feed(dots_mask(1, 3, 4, 6)), std::nullopt);  // x not allowed in a phone number
  EXPECT_EQ(kb.space(), std::nullopt);
}

TEST(BrailleKeyboardEntry, IdNumberTakesXWithOrWithoutCapitalSign) {
  BrailleKeyboard kb(EntryKind::IdNumber);
  EXPECT_EQ(kb.feed(dots_mask(1, 3, 4, 6)), U'X');
  EXPECT_FALSE(kb.feed(kCapitalSign));
  EXPECT_EQ(kb.feed(dots_mask(1, 3, 4, 6)), U'X');
  EXPECT_EQ(kb.feed(dots_mask(1, 5)), U'5');
}

TEST(BrailleKeyboardEntry, CapitalSignMakesOneUppercaseLetter) {
  BrailleKeyboard kb(EntryKind::Text);
  kb.feed(kCapitalSign);
  EXPECT_EQ(kb.feed(dots_mask(1, 2, 3, 4)), U'P');
  EXPECT_EQ(kb.feed(dots_mask(1, 2, 3, 4)), U'p');
  EXPECT_EQ(letter_for_dots(dots_mask(1, 3, 5, 6)), U'z');
  EXPECT_EQ(letter_for_dots(dots_mask(3, 4, 5, 6)), 0u);
}
