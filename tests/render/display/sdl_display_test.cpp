// SPDX-License-Identifier: GPL-3.0-or-later
// The display driver draws a DisplayList headless (dummy video driver, software
// renderer); the pixels show background, focus ring, Chinese glyphs and the curtain.
#include <SDL_image.h>
#include <SDL_ttf.h>

#include <filesystem>

#include "display_test_util.h"

using namespace kiosk::drivers::display;
using namespace kiosk::drivers::display::testing;
using kiosk::core::ColorRole;
using kiosk::core::DisplayList;
using kiosk::core::DrawRect;
using kiosk::core::DrawText;
using kiosk::core::DrawVideo;
using kiosk::core::FontFace;
using kiosk::core::Rect;
using kiosk::core::Rgb;

namespace {

int count_not(const Pixels& px, const Rect& box, Rgb bg) {
  int n = 0;
  for (int y = box.y; y < box.y + box.h; ++y)
    for (int x = box.x; x < box.x + box.w; ++x)
      if (!(px.at(x, y) == bg)) ++n;
  return n;
}

DisplayList focused_button_list() {
  DisplayList list;
  list.rects.push_back(DrawRect{Rect{200, 300, 600, 160}, ColorRole::ButtonFace, 0});
  list.rects.push_back(DrawRect{Rect{200, 300, 600, 160}, ColorRole::Focus, 6});
  list.texts.push_back(DrawText{Rect{240, 330, 520, 100}, {"残疾人服务"}, 64, FontFace::Bold,
                                ColorRole::ButtonText, false});
  return list;
}

}  // namespace

TEST_F(HeadlessDisplay, OpensAt1920x1080WithTheSoftwareRenderer) {
  EXPECT_EQ(display.width(), 1920);
  EXPECT_EQ(display.height(), 1080);
  SDL_RendererInfo info;
  ASSERT_EQ(SDL_GetRendererInfo(display.renderer(), &info), 0);
  EXPECT_STREQ(info.name, "software");
}

TEST_F(HeadlessDisplay, EmptyListIsTheThemeBackground) {
  display.set_theme(theme_from_config("yellow_on_black"));
  display.draw(DisplayList{});
  const Pixels px = read_pixels(display.renderer());
  EXPECT_EQ(count_not(px, Rect{0, 0, px.w, px.h}, Rgb{0, 0, 0}), 0);
  display.set_theme(theme_from_config("default"));
  display.draw(DisplayList{});
  const Pixels white = read_pixels(display.renderer());
  EXPECT_EQ(count_not(white, Rect{0, 0, white.w, white.h}, Rgb{255, 255, 255}), 0);
}

TEST_F(HeadlessDisplay, FocusRingIsAtLeast4pxInTheFocusColourAndContrasts) {
  for (const char* id : {"default", "yellow_on_black", "white_on_black", "black_on_white"}) {
    const auto theme = theme_from_config(id);
    display.set_theme(theme);
    display.draw(focused_button_list());
    const Pixels px = read_pixels(display.renderer());
    const Rgb focus = theme.color(ColorRole::Focus);
    // Walk inward from outside the button along each side's middle.
    struct Probe { int x, y, dx, dy; };
    for (const Probe p : {Probe{500, 290, 0, 1}, Probe{500, 470, 0, -1}, Probe{190, 380, 1, 0},
                          Probe{810, 380, -1, 0}}) {
      int x = p.x, y = p.y;
      const Rgb outside = px.at(x, y);
      while (!(px.at(x, y) == focus)) { x += p.dx; y += p.dy; ASSERT_LT(std::abs(x - p.x) + std::abs(y - p.y), 30); }
      int thickness = 0;
      while (px.at(x, y) == focus) { ++thickness; x += p.dx; y += p.dy; }
      const Rgb inside = px.at(x, y);
      EXPECT_GE(thickness, 4) << id;
      EXPECT_GE(kiosk::core::contrast_ratio(focus, outside), 3.0) << id;
      EXPECT_GE(kiosk::core::contrast_ratio(focus, inside), 3.0) << id;
      EXPECT_EQ(inside, theme.color(ColorRole::ButtonFace)) << id;
    }
  }
}

TEST_F(HeadlessDisplay, ChineseGlyphsAreDrawnInsideTheirBox) {
  DisplayList list;
  list.texts.push_back(DrawText{Rect{100, 100, 800, 120}, {"残疾人两项补贴"}, 72,
                                FontFace::Regular, ColorRole::Text, false});
  display.draw(list);
  const Pixels px = read_pixels(display.renderer());
  const Rgb bg = display.theme().color(ColorRole::Background);
  const Rgb text = display.theme().color(ColorRole::Text);
  const int ink = count_not(px, Rect{100, 100, 800, 120}, bg);
  EXPECT_GT(ink, 2000);   // seven 72 px Han characters; tofu boxes would be ~1500
  int exact = 0;
  for (int y = 100; y < 220; ++y)
    for (int x = 100; x < 900; ++x)
      if (px.at(x, y) == text) ++exact;
  EXPECT_GT(exact, 500);   // solid stem pixels in the text colour, not just anti-aliasing
  EXPECT_EQ(count_not(px, Rect{1000, 0, 920, 1080}, bg), 0);
  EXPECT_EQ(count_not(px, Rect{0, 300, 1000, 780}, bg), 0);
}

TEST_F(HeadlessDisplay, WrappedLinesGoDownByTheLineHeight) {
  DisplayList list;
  list.texts.push_back(DrawText{Rect{100, 100, 800, 400}, {"第一行", "第二行"}, 60,
                                FontFace::Regular, ColorRole::Text, false});
  display.draw(list);
  const Pixels px = read_pixels(display.renderer());
  const Rgb bg = display.theme().color(ColorRole::Background);
  const int skip = display.measurer().line_height(60, FontFace::Regular);
  EXPECT_GT(count_not(px, Rect{100, 100, 800, skip}, bg), 300);
  EXPECT_GT(count_not(px, Rect{100, 100 + skip, 800, skip}, bg), 300);
  EXPECT_EQ(count_not(px, Rect{100, 100 + 2 * skip, 800, 100}, bg), 0);
}

TEST_F(HeadlessDisplay, CentredTextIsCentredInItsBox) {
  DisplayList list;
  list.texts.push_back(DrawText{Rect{0, 0, 1920, 200}, {"确认"}, 80, FontFace::Bold,
                                ColorRole::Text, true});
  display.draw(list);
  const Pixels px = read_pixels(display.renderer());
  const Rgb bg = display.theme().color(ColorRole::Background);
  int min_x = px.w, max_x = 0;
  for (int y = 0; y < 200; ++y)
    for (int x = 0; x < px.w; ++x)
      if (!(px.at(x, y) == bg)) { min_x = std::min(min_x, x); max_x = std::max(max_x, x); }
  ASSERT_LT(min_x, max_x);
  EXPECT_NEAR((min_x + max_x) / 2, 960, 12);
}

TEST_F(HeadlessDisplay, BrailleFaceDrawsDots) {
  DisplayList list;
  list.texts.push_back(DrawText{Rect{100, 100, 800, 120}, {"⠉⠓⠊⠝⠁"}, 72, FontFace::Braille,
                                ColorRole::Text, false});
  display.draw(list);
  const Pixels px = read_pixels(display.renderer());
  EXPECT_GT(count_not(px, Rect{100, 100, 800, 120}, display.theme().color(ColorRole::Background)),
            200);
}

TEST_F(HeadlessDisplay, CurtainIsAllBlack) {
  DisplayList list = focused_button_list();
  list.blank = true;
  display.draw(list);
  const Pixels px = read_pixels(display.renderer());
  EXPECT_EQ(count_not(px, Rect{0, 0, px.w, px.h}, Rgb{0, 0, 0}), 0);
}

TEST_F(HeadlessDisplay, PresentsOnlyWhenSomethingChanged) {
  const DisplayList list = focused_button_list();
  EXPECT_TRUE(display.present_if_changed(list));
  EXPECT_FALSE(display.present_if_changed(list));
  EXPECT_FALSE(display.present_if_changed(list));
  DisplayList moved = list;
  moved.rects[1].rect.x += 1;
  EXPECT_TRUE(display.present_if_changed(moved));
  EXPECT_FALSE(display.present_if_changed(moved));
  display.set_theme(theme_from_config("white_on_black"));
  EXPECT_TRUE(display.present_if_changed(moved));
  display.invalidate();
  EXPECT_TRUE(display.present_if_changed(moved));
  EXPECT_EQ(display.frames_presented(), 4u);
}

TEST_F(HeadlessDisplay, TextTexturesAreCachedAndBounded) {
  const DisplayList list = focused_button_list();
  display.draw(list);
  const auto misses = display.texture_cache()->misses();
  display.draw(list);
  display.draw(list);
  EXPECT_EQ(display.texture_cache()->misses(), misses);

  SdlDisplay small;
  Options o;
  o.mode = DisplayMode::Headless;
  o.width = 640;
  o.height = 360;
  o.cache_entries = 4;
  ASSERT_TRUE(small.open(o).ok());
  DisplayList many;
  many.width = 640;
  many.height = 360;
  DrawText t{Rect{0, 0, 640, 360}, {}, 20, FontFace::Regular, ColorRole::Text, false};
  for (int i = 0; i < 10; ++i) t.lines.push_back("第" + std::to_string(i) + "行");
  many.texts.push_back(t);
  small.draw(many);
  EXPECT_EQ(small.texture_cache()->size(), 4u);
  EXPECT_EQ(small.texture_cache()->misses(), 10u);
}

// A line's texture keeps only its inked rows (the font's full height is half empty for
// CJK) and is drawn where the whole line would be: the same pixels as the untrimmed
// render. Captions go to their own small cache, not the screen's.
TEST_F(HeadlessDisplay, LinesAreTrimmedToTheirInkAndCaptionsHaveTheirOwnCache) {
  const std::string text = "残疾人服务热线 12385";
  DisplayList list;
  list.texts.push_back(DrawText{Rect{100, 100, 1200, 80}, {text}, 34, FontFace::Regular, ColorRole::Text, false});
  display.draw(list);
  const Pixels drawn = read_pixels(display.renderer());
  const auto& fonts = static_cast<const SdlTextMeasurer&>(display.measurer());
  const auto full_bytes = static_cast<std::size_t>(fonts.width(text, 34, FontFace::Regular)) *
                          static_cast<std::size_t>(fonts.line_height(34, FontFace::Regular)) * 4;
  EXPECT_LT(display.texture_cache()->bytes(), full_bytes * 9 / 10);

  // The untrimmed line, drawn by hand at the same place on the same background.
  const Rgb ink = display.theme().color(ColorRole::Text);
  SDL_Surface* surface = TTF_RenderUTF8_Blended(fonts.font(FontFace::Regular, 34), text.c_str(),
                                                SDL_Color{ink.r, ink.g, ink.b, 255});
  ASSERT_NE(surface, nullptr);
  SDL_Texture* texture = SDL_CreateTextureFromSurface(display.renderer(), surface);
  const SDL_Rect dst{100, 100, surface->w, surface->h};
  SDL_FreeSurface(surface);
  const Rgb bg = display.theme().color(ColorRole::Background);
  SDL_SetRenderDrawColor(display.renderer(), bg.r, bg.g, bg.b, 255);
  SDL_RenderClear(display.renderer());
  SDL_RenderCopy(display.renderer(), texture, nullptr, &dst);
  SDL_DestroyTexture(texture);
  const Pixels whole = read_pixels(display.renderer());
  EXPECT_TRUE(drawn.argb == whole.argb) << "a trimmed line draws other pixels than the whole line";
  EXPECT_GT(count_not(drawn, Rect{100, 100, 1200, 80}, bg), 100);

  const auto screen_entries = display.texture_cache()->size();
  list.texts.push_back(DrawText{Rect{100, 900, 1700, 100}, {"请选择服务。", "优待政策查询，按钮，第1项，共13项"}, 34,
                                FontFace::Regular, ColorRole::CaptionText, false});
  display.draw(list);
  EXPECT_EQ(display.texture_cache()->size(), screen_entries);
  ASSERT_NE(display.caption_cache(), nullptr);
  EXPECT_EQ(display.caption_cache()->size(), 2u);
  display.forget_text();
  EXPECT_EQ(display.caption_cache()->size(), 0u);
}

// At a session's end (Runtime, on the "reset" session event) the rendered lines and the
// widths measured, keyed by their texts, are dropped: nothing the resident saw stays.
TEST_F(HeadlessDisplay, ForgetTextDropsEveryRenderedLine) {
  const DisplayList list = focused_button_list();
  display.draw(list);
  ASSERT_GT(display.texture_cache()->size(), 0u);
  const auto misses = display.texture_cache()->misses();
  display.forget_text();
  EXPECT_EQ(display.texture_cache()->size(), 0u);
  EXPECT_EQ(display.texture_cache()->bytes(), 0u);
  EXPECT_TRUE(display.present_if_changed(list)) << "the next frame is drawn anew";
  EXPECT_GT(display.texture_cache()->misses(), misses);
}

TEST_F(HeadlessDisplay, DefaultVideoPaneIsABorderAndTheHookReplacesIt) {
  DisplayList list;
  list.videos.push_back(DrawVideo{Rect{1400, 600, 400, 300}, "clip"});
  display.draw(list);
  Pixels px = read_pixels(display.renderer());
  EXPECT_EQ(px.at(1401, 750), display.theme().color(ColorRole::Border));
  EXPECT_EQ(px.at(1600, 750), display.theme().color(ColorRole::Background));

  std::string seen;
  display.set_video_hook([&](SDL_Renderer* r, const kiosk::core::DrawVideo& v) {
    seen = v.clip;
    SDL_SetRenderDrawColor(r, 10, 20, 30, 255);
    const SDL_Rect dst{v.rect.x, v.rect.y, v.rect.w, v.rect.h};
    SDL_RenderFillRect(r, &dst);
  });
  display.draw(list);
  px = read_pixels(display.renderer());
  EXPECT_EQ(seen, "clip");
  EXPECT_EQ(px.at(1600, 750), (Rgb{10, 20, 30}));
}

TEST_F(HeadlessDisplay, SavesAPngOfTheLastFrame) {
  display.present_if_changed(focused_button_list());
  const auto path = (std::filesystem::temp_directory_path() /
                     ("kiosk-display-" + std::to_string(getpid()) + ".png")).string();
  auto st = display.save_png(path);
  ASSERT_TRUE(st.ok()) << st.error().message;
  SDL_Surface* loaded = IMG_Load(path.c_str());
  ASSERT_NE(loaded, nullptr) << IMG_GetError();
  SDL_Surface* argb = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
  ASSERT_NE(argb, nullptr);
  EXPECT_EQ(argb->w, 1920);
  EXPECT_EQ(argb->h, 1080);
  auto pixel = [&](int x, int y) {
    const auto* row = static_cast<const std::uint8_t*>(argb->pixels) + y * argb->pitch;
    const std::uint32_t p = reinterpret_cast<const std::uint32_t*>(row)[x];
    return Rgb{static_cast<std::uint8_t>(p >> 16), static_cast<std::uint8_t>(p >> 8),
               static_cast<std::uint8_t>(p)};
  };
  EXPECT_EQ(pixel(10, 10), display.theme().color(ColorRole::Background));
  EXPECT_EQ(pixel(202, 380), display.theme().color(ColorRole::Focus));
  EXPECT_EQ(pixel(220, 440), display.theme().color(ColorRole::ButtonFace));
  SDL_FreeSurface(argb);
  SDL_FreeSurface(loaded);
  std::filesystem::remove(path);
}

TEST_F(HeadlessDisplay, ASmallerLayoutIsScaledToTheWindow) {
  DisplayList list;
  list.width = 960;
  list.height = 540;
  list.rects.push_back(DrawRect{Rect{0, 0, 480, 270}, ColorRole::Text, 0});
  display.draw(list);
  const Pixels px = read_pixels(display.renderer());
  const Rgb text = display.theme().color(ColorRole::Text);
  EXPECT_EQ(px.at(950, 530), text);
  EXPECT_EQ(px.at(970, 550), display.theme().color(ColorRole::Background));
}

TEST(SdlDisplayHeadless, IgnoresAnInheritedVideoDriver) {
  setenv("SDL_VIDEODRIVER", "x11", 1);
  SdlDisplay d;
  Options o;
  o.mode = DisplayMode::Headless;
  o.width = 320;
  o.height = 240;
  auto st = d.open(o);
  setenv("SDL_VIDEODRIVER", "dummy", 1);
  ASSERT_TRUE(st.ok()) << st.error().message;
  EXPECT_STREQ(SDL_GetCurrentVideoDriver(), "dummy");
  EXPECT_EQ(d.width(), 320);
}
