// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "kiosk/core/present/theme.h"

using namespace kiosk::core;

TEST(Theme, WhiteOnBlackIs21To1) {
  EXPECT_NEAR(contrast_ratio(Rgb{255, 255, 255}, Rgb{0, 0, 0}), 21.0, 1e-9);
  EXPECT_NEAR(contrast_ratio(Rgb{0, 0, 0}, Rgb{255, 255, 255}), 21.0, 1e-9);
}

TEST(Theme, SameColourIs1To1) {
  EXPECT_NEAR(contrast_ratio(Rgb{12, 200, 99}, Rgb{12, 200, 99}), 1.0, 1e-9);
}

TEST(Theme, LuminanceFollowsWcagFormula) {
  EXPECT_NEAR(relative_luminance(Rgb{0, 0, 0}), 0.0, 1e-12);
  EXPECT_NEAR(relative_luminance(Rgb{255, 255, 255}), 1.0, 1e-12);
  EXPECT_NEAR(relative_luminance(Rgb{255, 0, 0}), 0.2126, 1e-9);
  EXPECT_NEAR(relative_luminance(Rgb{0, 255, 0}), 0.7152, 1e-9);
  EXPECT_NEAR(relative_luminance(Rgb{0, 0, 255}), 0.0722, 1e-9);
  // Mid grey #777777 against white is the well-known 4.48:1.
  EXPECT_NEAR(contrast_ratio(Rgb{0x77, 0x77, 0x77}, Rgb{255, 255, 255}), 4.48, 0.01);
  // Yellow on black, quoted in docs/accessibility.md V3 as 19.6:1.
  EXPECT_NEAR(contrast_ratio(Rgb{255, 255, 0}, Rgb{0, 0, 0}), 19.56, 0.01);
}

TEST(Theme, ParsesHexColours) {
  Rgb c;
  ASSERT_TRUE(parse_hex_color("#1A2b3C", c));
  EXPECT_EQ(c, (Rgb{0x1A, 0x2B, 0x3C}));
  ASSERT_TRUE(parse_hex_color("#FFFFFF", c));
  EXPECT_EQ(c, (Rgb{255, 255, 255}));
}

TEST(Theme, RejectsMalformedHex) {
  Rgb c{1, 2, 3};
  EXPECT_FALSE(parse_hex_color("", c));
  EXPECT_FALSE(parse_hex_color("123456", c));
  EXPECT_FALSE(parse_hex_color("#12345", c));
  EXPECT_FALSE(parse_hex_color("#1234567", c));
  EXPECT_FALSE(parse_hex_color("#12345G", c));
  EXPECT_FALSE(parse_hex_color("#fff", c));
  EXPECT_EQ(c, (Rgb{1, 2, 3}));   // untouched on failure
}

TEST(Theme, RoleNamesRoundTrip) {
  const char* names[] = {"background", "text", "muted_text", "accent", "button_face",
                         "button_text", "selected_face", "selected_text", "focus", "error",
                         "error_text", "border", "caption_face", "caption_text"};
  for (const char* name : names) {
    ColorRole role{};
    ASSERT_TRUE(color_role_from_name(name, role)) << name;
    EXPECT_STREQ(color_role_name(role), name);
  }
  ColorRole role{};
  EXPECT_FALSE(color_role_from_name("Background", role));
  EXPECT_FALSE(color_role_from_name("nope", role));
}

TEST(Theme, MissingRolesFallBackToTextAndBackground) {
  Theme t;
  t.colors[ColorRole::Background] = Rgb{1, 2, 3};
  t.colors[ColorRole::Text] = Rgb{200, 201, 202};
  t.colors[ColorRole::Focus] = Rgb{9, 9, 9};
  EXPECT_EQ(t.color(ColorRole::Focus), (Rgb{9, 9, 9}));
  EXPECT_EQ(t.color(ColorRole::ButtonFace), (Rgb{1, 2, 3}));
  EXPECT_EQ(t.color(ColorRole::CaptionFace), (Rgb{1, 2, 3}));
  EXPECT_EQ(t.color(ColorRole::ButtonText), (Rgb{200, 201, 202}));
  EXPECT_EQ(t.color(ColorRole::MutedText), (Rgb{200, 201, 202}));
}
