// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12 item 1: a touch-only resident is never trapped. A walker drives the real
// runtime (layout, paging, core) by touches alone, at every text size, in plain and
// easy read: it opens every screen from home, turns every page with the touch bar, and
// from every page gets home again with the bar's home button.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <string>

#include "kiosk/app/config.h"
#include "kiosk/app/runtime/runtime.h"
#include "kiosk/core/present/layout.h"

using namespace kiosk;

namespace {

struct Walker {
  app::Runtime& runtime;
  std::set<std::string>& seen;   // "screen#page"
  std::string where;

  const core::HitTarget* target(const std::string& id) const {
    for (const auto& t : runtime.layout().targets)
      if (t.node_id == id) return &t;
    return nullptr;
  }
  bool tap(const std::string& id) {
    const core::HitTarget* t = target(id);
    if (!t) return false;
    runtime.touch(t->rect.x + t->rect.w / 2, t->rect.y + t->rect.h / 2, core::TouchKind::Tap);
    return true;
  }
  std::string screen() const { return runtime.kiosk().tree().screen_id; }
  // Every page of the current screen, each with the bar's home and call-staff buttons.
  void every_page() {
    for (int guard = 0; guard < 40; ++guard) {
      const auto& layout = runtime.layout();
      seen.insert(screen() + "#" + std::to_string(layout.page));
      EXPECT_NE(target("bar.home"), nullptr) << where << " " << screen() << " page " << layout.page;
      EXPECT_NE(target("bar.call_staff"), nullptr) << where << " " << screen();
      EXPECT_NE(target("bar.back"), nullptr) << where << " " << screen();
      if (layout.pages.size() > 1) {
        EXPECT_NE(target("bar.next_page"), nullptr) << where << " " << screen();
      }
      if (layout.page + 1 >= static_cast<int>(layout.pages.size())) return;
      const int before = layout.page;
      ASSERT_TRUE(tap("bar.next_page")) << where;
      ASSERT_GT(runtime.layout().page, before) << where << " " << screen() << ": next page did not turn";
    }
    ADD_FAILURE() << where << " " << screen() << ": too many pages";
  }
  // Back to the first page with the bar's previous-page button.
  void first_page() {
    while (runtime.layout().page > 0) {
      const int before = runtime.layout().page;
      ASSERT_TRUE(tap("bar.prev_page")) << where << " " << screen();
      ASSERT_LT(runtime.layout().page, before) << where << " " << screen() << ": previous page did not turn";
    }
  }
  void home() {
    ASSERT_TRUE(tap("bar.home")) << where << " " << screen();
    ASSERT_EQ(screen(), "home") << where;
  }
  // Home, then the page of home showing `id`, then `id` touched.
  bool open(const std::string& id) {
    if (screen() != "home") home();
    while (runtime.layout().page > 0 && !target(id)) {
      const int before = runtime.layout().page;
      tap("bar.prev_page");
      if (runtime.layout().page >= before) return false;
    }
    while (!target(id)) {
      if (runtime.layout().page + 1 >= static_cast<int>(runtime.layout().pages.size())) return false;
      if (!tap("bar.next_page")) return false;
    }
    return tap(id);
  }
};

}  // namespace

TEST(TouchWalker, EveryScreenAndPageByTouchAloneAtEverySize) {
  setenv("SDL_VIDEODRIVER", "dummy", 1);
  auto loaded = app::load_config(std::string(KIOSK_TEST_ROOT) + "/config/kiosk.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.describe();
  for (const bool easy : {false, true}) {
    for (int zoom : core::kZoomSteps) {
      app::Config config = *loaded.config;
      config.kiosk.hall_defaults.zoom = zoom;
      config.kiosk.hall_defaults.easy_read = easy;
      std::int64_t clock = 0;
      app::Runtime runtime(config, [&clock] { return clock; });
      std::string error;
      ASSERT_TRUE(runtime.open_display(drivers::display::DisplayMode::Headless, error)) << error;
      runtime.start();
      std::set<std::string> seen;
      Walker walk{runtime, seen, "zoom " + std::to_string(zoom) + (easy ? " easy" : "")};
      runtime.touch(960, 540, core::TouchKind::Tap);   // starts the visit, speech off
      ASSERT_EQ(walk.screen(), "home");
      walk.every_page();
      for (const char* id : {"home.settings", "home.language", "home.help", "home.finish"}) {
        ASSERT_TRUE(walk.open(id)) << walk.where << " " << id;
        walk.every_page();
        walk.home();
      }
      // The entitlements guide: the first answer on every question, to the result.
      ASSERT_TRUE(walk.open("home.entitlements")) << walk.where;
      for (int step = 0; step < 12 && walk.screen().find("result") == std::string::npos; ++step) {
        walk.every_page();
        walk.first_page();
        std::string first;   // the first button or answer, turning pages to find it
        for (int page = 0; page < 20 && first.empty(); ++page) {
          for (const auto& t : runtime.layout().targets) {
            const core::Node* node = runtime.kiosk().tree().find(t.node_id);
            if (node && core::is_actionable(node->role) && !t.node_id.ends_with(".call_staff")) {
              first = t.node_id;
              break;
            }
          }
          if (first.empty() && !walk.tap("bar.next_page")) break;
        }
        ASSERT_FALSE(first.empty()) << walk.where << " " << walk.screen();
        ASSERT_TRUE(walk.tap(first));
      }
      walk.every_page();
      walk.home();
      ASSERT_TRUE(runtime.kiosk().in_session());
      for (const char* screen : {"home#0", "settings#0", "language#0", "help#0", "finish#0", "entitlements#0"})
        EXPECT_TRUE(seen.count(screen)) << walk.where << " never saw " << screen;
      bool result = false;
      std::string all;
      for (const auto& s : seen) {
        result = result || s.find("result") != std::string::npos;
        all += s + " ";
      }
      EXPECT_TRUE(result) << walk.where << ": " << all;
    }
  }
}
