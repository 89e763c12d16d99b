// SPDX-License-Identifier: GPL-3.0-or-later
// On-demand figures for the display driver (not a test): open + first frame of a CJK
// screen, cached-frame draw time, and the cost of an unchanged frame, at 1920×1080 with
// the dummy video driver and the software renderer. Run from the build tree:
//   tests/render/display/display_bench [frames] [screenshot-dir]
// With a screenshot dir it also writes home_<theme>.png for every theme, to look at.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "drivers/display/sdl_display.h"
#include "drivers/display/theme_loader.h"
#include "kiosk/core/present/text_wrap.h"

using namespace kiosk::drivers::display;
using kiosk::core::ColorRole;
using kiosk::core::DisplayList;
using kiosk::core::DrawRect;
using kiosk::core::DrawText;
using kiosk::core::FontFace;
using kiosk::core::Rect;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// A home-menu-like screen: title, eight buttons, one focused, a wrapped help paragraph.
DisplayList home_screen(const kiosk::core::TextMeasurer& m, int variant) {
  DisplayList l;
  l.texts.push_back(DrawText{Rect{80, 40, 1760, 140}, {"残疾人服务自助终端"}, 96, FontFace::Bold,
                             ColorRole::Text, false});
  const char* items[] = {"两项补贴查询", "康复服务申请", "残疾人证办理", "就业帮扶",
                         "辅助器具适配", "政策指南 Entitlements", "语言 Language", "帮助 Help"};
  for (int i = 0; i < 8; ++i) {
    const Rect r{80 + (i % 2) * 890, 220 + (i / 2) * 150, 860, 130};
    const bool focused = i == variant % 8;
    l.rects.push_back(DrawRect{r, focused ? ColorRole::SelectedFace : ColorRole::ButtonFace, 0});
    if (focused) l.rects.push_back(DrawRect{r, ColorRole::Focus, 6});
    l.texts.push_back(DrawText{Rect{r.x + 30, r.y + 25, r.w - 60, 90},
                               {std::to_string(i + 1) + ". " + items[i]}, 56, FontFace::Regular,
                               focused ? ColorRole::SelectedText : ColorRole::ButtonText, false});
  }
  const std::string help =
      "按上下键选择服务，按确认键进入。按帮助键听取按键说明，按返回键回到上一步。"
      "Press up or down to choose a service, then OK. 如需人工帮助，请按呼叫键，工作人员会来到您身边。";
  l.texts.push_back(DrawText{Rect{80, 840, 1760, 220},
                             kiosk::core::wrap_text(help, 1760, 40, FontFace::Regular, m), 40,
                             FontFace::Regular, ColorRole::MutedText, false});
  return l;
}

void print_percentiles(const char* what, std::vector<double> v) {
  std::sort(v.begin(), v.end());
  auto pct = [&](double p) { return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))]; };
  std::printf("%-44s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (n=%zu)\n", what, pct(0.5),
              pct(0.95), v.back(), v.size());
}

}  // namespace

int main(int argc, char** argv) {
  const auto t_main = Clock::now();
  const int frames = argc > 1 ? std::atoi(argv[1]) : 200;
  setenv("SDL_VIDEODRIVER", "dummy", 1);
  SdlDisplay display;
  Options o;
  o.mode = DisplayMode::Headless;
  auto st = display.open(o);
  if (!st) {
    std::fprintf(stderr, "open failed: %s\n", st.error().message.c_str());
    return 1;
  }
  const double t_open = ms_since(t_main);
  auto theme = load_theme(std::string(KIOSK_REPO_ROOT_FALLBACK) + "/config/themes/default.toml");
  if (theme) display.set_theme(*theme);
  const auto t_layout = Clock::now();
  DisplayList first = home_screen(display.measurer(), 0);
  const double layout_ms = ms_since(t_layout);
  display.present_if_changed(first);
  const double t_first = ms_since(t_main);
  std::printf("open (SDL video + window + renderer + fonts): %7.2f ms\n", t_open);
  std::printf("first CJK frame presented, from main():       %7.2f ms  (layout/wrap %.2f ms)\n",
              t_first, layout_ms);

  // Focus moves between the eight buttons: every string is cached after one round.
  std::vector<DisplayList> lists;
  for (int i = 0; i < 8; ++i) lists.push_back(home_screen(display.measurer(), i));
  for (const auto& l : lists) display.present_if_changed(l);
  std::vector<double> cached, unchanged, uncached;
  for (int i = 0; i < frames; ++i) {
    const auto t0 = Clock::now();
    display.present_if_changed(lists[static_cast<std::size_t>(i % 8)]);
    cached.push_back(ms_since(t0));
    const auto t1 = Clock::now();
    display.present_if_changed(lists[static_cast<std::size_t>(i % 8)]);
    unchanged.push_back(ms_since(t1));
  }
  // Uncached: new strings every frame, so every text run is rasterised.
  for (int i = 0; i < std::min(frames, 40); ++i) {
    DisplayList fresh = lists[static_cast<std::size_t>(i % 8)];
    for (auto& t : fresh.texts)
      for (auto& line : t.lines) line += " " + std::to_string(i);
    const auto t0 = Clock::now();
    display.present_if_changed(fresh);
    uncached.push_back(ms_since(t0));
  }
  print_percentiles("cached frame (draw + present, 1920x1080)", cached);
  print_percentiles("unchanged list (present_if_changed skip)", unchanged);
  if (!uncached.empty()) print_percentiles("frame of new strings (rasterise all)", uncached);
  std::printf("texture cache: %zu entries, %.1f MiB\n", display.texture_cache()->size(),
              static_cast<double>(display.texture_cache()->bytes()) / (1024.0 * 1024.0));
  if (argc > 2) {
    auto all = load_themes(std::string(KIOSK_REPO_ROOT_FALLBACK) + "/config/themes");
    for (std::size_t i = 0; all && i < all->size(); ++i) {
      display.set_theme((*all)[i].theme);
      display.present_if_changed(lists[1]);
      const std::string path = std::string(argv[2]) + "/home_" + (*all)[i].theme.id + ".png";
      auto saved = display.save_png(path);
      std::printf("%s %s\n", saved ? "wrote" : "FAILED", path.c_str());
    }
  }
  return 0;
}
