// SPDX-License-Identifier: GPL-3.0-or-later
// SdlTextMeasurer measures real Noto Sans CJK SC and DejaVu glyphs.
#include <gtest/gtest.h>

#include <cstdlib>

#include "drivers/display/sdl_text_measurer.h"
#include "kiosk/core/present/text_wrap.h"

using namespace kiosk::drivers::display;
using kiosk::core::FontFace;

namespace {

std::unique_ptr<SdlTextMeasurer> open_measurer() {
  setenv("SDL_VIDEODRIVER", "dummy", 1);
  auto m = SdlTextMeasurer::open();
  EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().message);
  return m.ok() ? std::move(*m) : nullptr;
}

}  // namespace

TEST(SdlTextMeasurer, ChineseIsWiderThanNothingAndScalesWithSize) {
  auto m = open_measurer();
  ASSERT_TRUE(m);
  EXPECT_EQ(m->width("", 48, FontFace::Regular), 0);
  const int w32 = m->width("残疾人证", 32, FontFace::Regular);
  const int w64 = m->width("残疾人证", 64, FontFace::Regular);
  EXPECT_GT(w32, 0);
  EXPECT_NEAR(w64, 2 * w32, 4);
  // Han characters are one em wide in Noto Sans CJK.
  EXPECT_NEAR(m->width("中", 100, FontFace::Regular), 100, 3);
  EXPECT_GT(m->width("残疾人证", 64, FontFace::Bold), 0);
  EXPECT_LT(m->width("ii", 64, FontFace::Regular), m->width("中中", 64, FontFace::Regular));
}

TEST(SdlTextMeasurer, LineHeightExceedsTheFontSize) {
  auto m = open_measurer();
  ASSERT_TRUE(m);
  for (int px : {24, 48, 96}) {
    EXPECT_GT(m->line_height(px, FontFace::Regular), px);
    EXPECT_LT(m->line_height(px, FontFace::Regular), 2 * px);
  }
}

TEST(SdlTextMeasurer, BrailleFaceHasBrailleGlyphs) {
  auto m = open_measurer();
  ASSERT_TRUE(m);
  EXPECT_GT(m->width("⠉⠓", 40, FontFace::Braille), 0);
}

TEST(SdlTextMeasurer, MissingFontFileIsAnError) {
  FontFiles files;
  files.bold = "/nonexistent/font.ttc";
  auto m = SdlTextMeasurer::open(files);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, "font_open");
  EXPECT_NE(m.error().message.find("/nonexistent/font.ttc"), std::string::npos);
}

TEST(SdlTextMeasurer, WrapsRealChineseWithinTheWidth) {
  auto m = open_measurer();
  ASSERT_TRUE(m);
  const std::string text =
      "凭《残疾人证》和身份证，到县残联办理困难残疾人生活补贴。Bring your ID card.";
  for (int px : {32, 48, 64}) {
    const auto lines = kiosk::core::wrap_text(text, 600, px, FontFace::Regular, *m);
    ASSERT_GT(lines.size(), 1u);
    for (const auto& l : lines) {
      EXPECT_LE(m->width(l, px, FontFace::Regular), 600) << l;
      EXPECT_NE(l.rfind("，", 0), 0u) << l;
      EXPECT_NE(l.rfind("。", 0), 0u) << l;
      EXPECT_NE(l.rfind("》", 0), 0u) << l;
    }
  }
}
