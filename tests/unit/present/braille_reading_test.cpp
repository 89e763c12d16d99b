// SPDX-License-Identifier: GPL-3.0-or-later
// Braille follows the readings (kiosk/core/present/braille/braille_reading.h, issue 13):
// the canonical character of each syllable in place, the six abbreviations kept,
// positions unchanged. liblouis's side is in tests/integration/pronunciation.
#include <gtest/gtest.h>

#include "kiosk/core/present/braille/braille_reading.h"

namespace {

using kiosk::core::braille::SyllableCharacters;
using kiosk::core::braille::substitute_readings;
using kiosk::core::speech::TextReading;

SyllableCharacters table() {
  auto parsed = SyllableCharacters::parse("# comment\nqu1\t驱\t⠅⠬⠁\tsafe\ncha2\t茶\nni3\t旎\nde5\t得\nshe4\t射\n");
  EXPECT_TRUE(parsed.ok());
  return parsed.ok() ? parsed.value() : SyllableCharacters();
}

TextReading reading(std::vector<std::string> syllables) {
  TextReading r;
  r.citation = syllables;
  r.spoken = std::move(syllables);
  r.word_start.assign(r.citation.size(), true);
  return r;
}

TEST(BrailleReading, EachSyllableGetsItsCanonicalCharacter) {
  EXPECT_EQ(substitute_readings(U"社区", reading({"she4", "qu1"}), table()), U"射驱");
  // One in, one out: Latin, digits and characters without a reading stay where they are.
  EXPECT_EQ(substitute_readings(U"查A1区钮", reading({"cha2", "", "", "qu1", ""}), table()), U"茶A1驱钮");
  // A syllable with no canonical character keeps the printed one.
  EXPECT_EQ(substitute_readings(U"区", reading({"ou1"}), table()), U"区");
}

TEST(BrailleReading, TheSchemesAbbreviationsKeepTheirCharacter) {
  EXPECT_EQ(substitute_readings(U"你的", reading({"ni3", "de5"}), table()), U"你的");
  // 你 read as another syllable is not the abbreviation: it is written as that syllable.
  EXPECT_EQ(substitute_readings(U"你", reading({"cha2"}), table()), U"茶");
  // 得 read de5 is no abbreviation: its syllable's character (here 得 itself).
  EXPECT_EQ(substitute_readings(U"得", reading({"de5"}), table()), U"得");
}

TEST(BrailleReading, BadTableLinesNameTheLine) {
  auto bad = SyllableCharacters::parse("qu1\t驱\nqu\t驱\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "line 2: not a tone-numbered syllable");
  EXPECT_FALSE(SyllableCharacters::parse("qu1\tAB\n").ok());
  EXPECT_TRUE(SyllableCharacters::parse("zi5\t\uE000\n").ok());   // a generated rule's character
  EXPECT_FALSE(SyllableCharacters::parse("qu1\n").ok());
  EXPECT_EQ(table().size(), 5u);
  EXPECT_EQ(table().find("qu1"), U'驱');
  EXPECT_FALSE(table().find("qu2"));
}

}  // namespace
