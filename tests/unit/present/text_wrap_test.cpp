// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "kiosk/core/present/text_wrap.h"

using namespace kiosk::core;

namespace {

// Fixed-width fake: every ASCII byte is px/2 wide, every other code point px wide.
class FixedMeasurer : public TextMeasurer {
 public:
  int width(const std::string& s, int px, FontFace) const override {
    int w = 0;
    for (unsigned char c : s) {
      if (c < 0x80) w += px / 2;
      else if ((c & 0xC0) != 0x80) w += px;   // lead byte of a multi-byte code point
    }
    return w;
  }
  int line_height(int px, FontFace) const override { return px * 3 / 2; }
};

const FixedMeasurer kM;
constexpr int kPx = 20;   // Han = 20 px, ASCII = 10 px

std::vector<std::string> wrap(const std::string& s, int chars_wide) {
  return wrap_text(s, chars_wide * kPx, kPx, FontFace::Regular, kM);
}

using Lines = std::vector<std::string>;

}  // namespace

TEST(TextWrap, ShortTextStaysOnOneLine) {
  EXPECT_EQ(wrap("残疾人证", 10), (Lines{"残疾人证"}));
}

TEST(TextWrap, EmptyTextHasNoLines) { EXPECT_TRUE(wrap("", 10).empty()); }

TEST(TextWrap, ChineseBreaksBetweenAnyHanCharacters) {
  EXPECT_EQ(wrap("一二三四五六七", 3), (Lines{"一二三", "四五六", "七"}));
}

TEST(TextWrap, EnglishBreaksAtSpacesAndDropsThem) {
  // 8 ASCII chars per 4 Han widths.
  EXPECT_EQ(wrap("one two three four", 4), (Lines{"one two", "three", "four"}));
}

TEST(TextWrap, TooLongWordBreaksByCharacter) {
  EXPECT_EQ(wrap("abcdefghijkl", 2), (Lines{"abcd", "efgh", "ijkl"}));
  EXPECT_EQ(wrap("ok abcdefghij", 2), (Lines{"ok", "abcd", "efgh", "ij"}));
}

TEST(TextWrap, HonoursExplicitNewlines) {
  EXPECT_EQ(wrap("第一行\n第二行", 10), (Lines{"第一行", "第二行"}));
  EXPECT_EQ(wrap("a\n\nb", 10), (Lines{"a", "", "b"}));
  EXPECT_EQ(wrap("a\n", 10), (Lines{"a", ""}));
  EXPECT_EQ(wrap("a\r\nb", 10), (Lines{"a", "b"}));
}

TEST(TextWrap, NoLineStartsWithClosingPunctuation) {
  // Greedy would give "一二三" / "。四五"; the 三 moves down with its full stop.
  EXPECT_EQ(wrap("一二三。四五", 3), (Lines{"一二", "三。四", "五"}));
  EXPECT_EQ(wrap("补贴，请带", 2), (Lines{"补", "贴，", "请带"}));
  EXPECT_EQ(wrap("一二》」四", 3), (Lines{"一", "二》」", "四"}));
}

TEST(TextWrap, NoLineEndsWithOpeningPunctuation) {
  // Greedy would give "一二《" / "三四》"; the 《 moves down with 三.
  EXPECT_EQ(wrap("一二《三四》", 3), (Lines{"一二", "《三", "四》"}));
  EXPECT_EQ(wrap("请看「说明」", 3), (Lines{"请看", "「说", "明」"}));
}

TEST(TextWrap, EnglishPunctuationStaysWithItsWord) {
  EXPECT_EQ(wrap("Yes, no.", 2), (Lines{"Yes,", "no."}));
}

TEST(TextWrap, MixedChineseAndEnglishBreakAtTheBoundary) {
  // "请按" (40) + " OK" (30) = 70 > 60: OK goes down, the space is dropped.
  EXPECT_EQ(wrap("请按 OK 键确认", 3), (Lines{"请按", "OK 键", "确认"}));
  EXPECT_EQ(wrap("残疾人证ID号码", 4), (Lines{"残疾人证", "ID号码"}));
}

TEST(TextWrap, EveryLineFitsAndNothingIsLost) {
  const std::string text =
      "残疾人两项补贴：困难残疾人生活补贴和重度残疾人护理补贴。Apply at the county "
      "federation (县残联) with your ID card, 《残疾人证》 and bank card.";
  for (int chars = 1; chars <= 30; ++chars) {
    const Lines lines = wrap(text, chars);
    std::string joined;
    for (const auto& l : lines) {
      if (kM.width(l, kPx, FontFace::Regular) > chars * kPx) {
        // Only a single code point may exceed the line.
        EXPECT_LE(l.size(), 4u) << "width " << chars << ": " << l;
      }
      for (char c : l)
        if (c != ' ') joined += c;
      ASSERT_FALSE(l.empty()) << chars;
      EXPECT_NE(l.front(), ' ') << chars << ": " << l;
    }
    std::string expected;
    for (char c : text)
      if (c != ' ') expected += c;
    EXPECT_EQ(joined, expected) << chars;
    for (std::size_t i = 1; i < lines.size() && chars >= 3; ++i) {
      EXPECT_NE(lines[i].rfind("，", 0), 0u) << chars << ": " << lines[i];
      EXPECT_NE(lines[i].rfind("。", 0), 0u) << chars << ": " << lines[i];
      EXPECT_NE(lines[i].rfind("）", 0), 0u) << chars << ": " << lines[i];
      EXPECT_NE(lines[i].rfind("》", 0), 0u) << chars << ": " << lines[i];
      EXPECT_NE(lines[i].rfind(",", 0), 0u) << chars << ": " << lines[i];
      EXPECT_NE(lines[i].rfind(".", 0), 0u) << chars << ": " << lines[i];
    }
  }
}

TEST(TextWrap, NonPositiveWidthDisablesWrapping) {
  EXPECT_EQ(wrap_text("一二三 four", 0, kPx, FontFace::Regular, kM), (Lines{"一二三 four"}));
}

TEST(TextWrap, InvalidUtf8PassesThrough) {
  const std::string bad = "ab\xff" "cd";
  const Lines lines = wrap(bad, 10);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], bad);
}

TEST(TextWrap, CapHeightMatchesNotoCjk) {
  EXPECT_EQ(cap_height_px(100), 73);
  EXPECT_EQ(cap_height_px(0), 0);
  for (int cap = 1; cap < 120; ++cap) {
    const int px = font_px_for_cap_height(cap);
    EXPECT_GE(cap_height_px(px), cap);
    EXPECT_LT(cap_height_px(px - 1), cap);
  }
}
