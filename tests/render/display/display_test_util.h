// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared helpers for the headless display tests: a 1920×1080 dummy-driver display
// with a theme from config/themes, and pixel read-back.
#include <SDL.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "drivers/display/sdl_display.h"
#include "drivers/display/theme_loader.h"

namespace kiosk::drivers::display::testing {

inline core::Theme theme_from_config(const std::string& id) {
  auto t = load_theme(std::string(KIOSK_REPO_ROOT) + "/config/themes/" + id + ".toml");
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  return t.ok() ? *t : core::Theme{};
}

struct Pixels {
  int w = 0, h = 0;
  std::vector<std::uint32_t> argb;
  core::Rgb at(int x, int y) const {
    const std::uint32_t p = argb[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                                 static_cast<std::size_t>(x)];
    return core::Rgb{static_cast<std::uint8_t>(p >> 16), static_cast<std::uint8_t>(p >> 8),
                     static_cast<std::uint8_t>(p)};
  }
};

inline Pixels read_pixels(SDL_Renderer* r) {
  Pixels px;
  SDL_GetRendererOutputSize(r, &px.w, &px.h);
  px.argb.resize(static_cast<std::size_t>(px.w) * static_cast<std::size_t>(px.h));
  EXPECT_EQ(SDL_RenderReadPixels(r, nullptr, SDL_PIXELFORMAT_ARGB8888, px.argb.data(), px.w * 4),
            0)
      << SDL_GetError();
  return px;
}

class HeadlessDisplay : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    Options o;
    o.mode = DisplayMode::Headless;
    auto st = display.open(o);
    ASSERT_TRUE(st.ok()) << st.error().message;
    display.set_theme(theme_from_config("default"));
  }
  SdlDisplay display;
};

}  // namespace kiosk::drivers::display::testing
