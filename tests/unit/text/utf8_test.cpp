// SPDX-License-Identifier: GPL-3.0-or-later
// The one UTF-8 decoder (core/text/utf8.h) that speech, wrapping, braille and captions share.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/core/text/utf8.h"

using kiosk::core::speech::u32_to_utf8;
using kiosk::core::speech::utf8_next;
using kiosk::core::speech::utf8_to_u32;

TEST(Utf8, DecodesEveryLengthAndEncodesItBack) {
  const std::string text = "a\u00e9\u8eab\U0001F600";   // 1, 2, 3 and 4 bytes
  EXPECT_EQ(utf8_to_u32(text), U"a\u00e9\u8eab\U0001F600");
  EXPECT_EQ(u32_to_utf8(utf8_to_u32(text)), text);
}

TEST(Utf8, EachBadByteIsOneReplacementAndDecodingMovesOn) {
  EXPECT_EQ(utf8_to_u32("a\xff" "b"), U"a\uFFFDb");             // not a lead byte
  EXPECT_EQ(utf8_to_u32("a\x80" "b"), U"a\uFFFDb");             // a stray continuation
  EXPECT_EQ(utf8_to_u32("a\xe8\xba" "b"), U"a\uFFFD\uFFFDb");   // a sequence cut short
  EXPECT_EQ(utf8_to_u32("\xe8\xba"), U"\uFFFD\uFFFD");          // cut off at the end: every byte counted
}

TEST(Utf8, NextReportsTheBytesTaken) {
  const std::string text = "\xe8\xba\xab" "x";
  EXPECT_EQ(utf8_next(text, 0).cp, U'\u8eab');
  EXPECT_EQ(utf8_next(text, 0).size, 3u);
  EXPECT_EQ(utf8_next(text, 1).cp, U'\uFFFD');
  EXPECT_EQ(utf8_next(text, 1).size, 1u);
  EXPECT_EQ(utf8_next(text, 3).cp, U'x');
}
