// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshot goldens (docs/accessibility.md section 7, V1-V4): the real kiosk binary runs
// headless over home, the hotline card, settings, a guide question and the entitlements result at 100 %
// and 200 % in each theme of config/themes (and once in English), and every screenshot
// is compared with a golden PNG in tests/render/screenshots/golden/.
//
// The comparison works on images scaled down 4x (box filter, 480x270): the goldens stay
// small (about 1 MB for all) and the sub-pixel differences of another FreeType build
// average out. A pixel differs when a channel is off by more than kChannelTolerance
// (about 10 % of the range: more than anti-aliasing noise after averaging, far less
// than any theme colour step); an image fails when more than kMaxDifferingFraction of
// its pixels differ (0.1 % = 130 pixels, about three Han characters at 100 %): a moved
// focus ring, a changed colour, a missing or re-wrapped line all exceed it by far.
//
// KIOSK_UPDATE_GOLDENS=1 writes the goldens instead of comparing (look at them before
// committing). A missing golden fails and names the file.
#include <gtest/gtest.h>

#include <SDL.h>
#include <SDL_image.h>

#include <cstdint>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kiosk_run.h"

namespace fs = std::filesystem;

namespace {

constexpr int kScale = 4;
constexpr int kChannelTolerance = 24;
constexpr double kMaxDifferingFraction = 0.001;

struct Image {
  int w = 0, h = 0;
  std::vector<std::uint8_t> rgb;   // w * h * 3
};

// Loads a PNG and scales it down by kScale with a box filter.
bool load_scaled(const fs::path& path, Image& out, std::string& error) {
  std::unique_ptr<SDL_Surface, void (*)(SDL_Surface*)> raw(IMG_Load(path.c_str()), SDL_FreeSurface);
  if (!raw) {
    error = path.string() + ": " + IMG_GetError();
    return false;
  }
  std::unique_ptr<SDL_Surface, void (*)(SDL_Surface*)> rgba(
      SDL_ConvertSurfaceFormat(raw.get(), SDL_PIXELFORMAT_RGBA32, 0), SDL_FreeSurface);
  if (!rgba) {
    error = path.string() + ": " + SDL_GetError();
    return false;
  }
  out.w = rgba->w / kScale;
  out.h = rgba->h / kScale;
  out.rgb.assign(static_cast<std::size_t>(out.w * out.h * 3), 0);
  const auto* pixels = static_cast<const std::uint8_t*>(rgba->pixels);
  for (int y = 0; y < out.h; ++y)
    for (int x = 0; x < out.w; ++x)
      for (int c = 0; c < 3; ++c) {
        int sum = 0;
        for (int dy = 0; dy < kScale; ++dy)
          for (int dx = 0; dx < kScale; ++dx)
            sum += pixels[(y * kScale + dy) * rgba->pitch + (x * kScale + dx) * 4 + c];
        out.rgb[static_cast<std::size_t>((y * out.w + x) * 3 + c)] =
            static_cast<std::uint8_t>((sum + kScale * kScale / 2) / (kScale * kScale));
      }
  return true;
}

// Goldens are stored already scaled, so they load without scaling.
bool load_plain(const fs::path& path, Image& out, std::string& error) {
  std::unique_ptr<SDL_Surface, void (*)(SDL_Surface*)> raw(IMG_Load(path.c_str()), SDL_FreeSurface);
  if (!raw) {
    error = path.string() + ": " + IMG_GetError();
    return false;
  }
  std::unique_ptr<SDL_Surface, void (*)(SDL_Surface*)> rgb(
      SDL_ConvertSurfaceFormat(raw.get(), SDL_PIXELFORMAT_RGB24, 0), SDL_FreeSurface);
  if (!rgb) {
    error = path.string() + ": " + SDL_GetError();
    return false;
  }
  out.w = rgb->w;
  out.h = rgb->h;
  out.rgb.resize(static_cast<std::size_t>(out.w * out.h * 3));
  for (int y = 0; y < out.h; ++y)
    std::memcpy(&out.rgb[static_cast<std::size_t>(y * out.w * 3)],
                static_cast<const std::uint8_t*>(rgb->pixels) + y * rgb->pitch, static_cast<std::size_t>(out.w * 3));
  return true;
}

bool save(const Image& image, const fs::path& path) {
  std::vector<std::uint8_t> copy = image.rgb;
  std::unique_ptr<SDL_Surface, void (*)(SDL_Surface*)> surface(
      SDL_CreateRGBSurfaceWithFormatFrom(copy.data(), image.w, image.h, 24, image.w * 3, SDL_PIXELFORMAT_RGB24),
      SDL_FreeSurface);
  return surface && IMG_SavePNG(surface.get(), path.c_str()) == 0;
}

// Pixels whose channels differ by more than the tolerance; `diff` marks them in red.
long differing_pixels(const Image& a, const Image& b, Image& diff) {
  diff = a;
  long count = 0;
  for (std::size_t i = 0; i + 2 < a.rgb.size(); i += 3) {
    bool differs = false;
    for (std::size_t c = 0; c < 3; ++c)
      if (std::abs(int{a.rgb[i + c]} - int{b.rgb[i + c]}) > kChannelTolerance) differs = true;
    if (differs) {
      ++count;
      diff.rgb[i] = 255;
      diff.rgb[i + 1] = 0;
      diff.rgb[i + 2] = 0;
    } else {
      for (std::size_t c = 0; c < 3; ++c) diff.rgb[i + c] = static_cast<std::uint8_t>(128 + a.rgb[i + c] / 2);
    }
  }
  return count;
}

// One kiosk run: a theme chosen with the contrast key (pressed `contrast` times after
// the visit starts), optionally English, then the same walk at 100 % and at 200 %.
struct Case {
  std::string label;
  int contrast;
  bool english;
};

std::string walk_script(const Case& c) {
  std::string s = "key select\n";
  for (int i = 0; i < c.contrast; ++i) s += "key contrast\n";
  if (c.english) s += "key language\n";
  for (const std::string zoom : {"100", "200"}) {
    if (zoom == "200") s += "key zoom+\nkey zoom+\nkey zoom+\nkey home\n";
    s += "screenshot home-" + zoom + "\n";
    s += "key down\nkey select\nscreenshot help_desk-" + zoom + "\nkey back\n";
    s += "key down\nkey down\nkey select\nscreenshot settings-" + zoom + "\nkey back\n";
    s += "key select\nkey down\nkey down\nkey select\nscreenshot question-" + zoom + "\n";
    // Skip every question: the longest result, every entry "may apply".
    s += "key 8\nkey select\nkey 5\nkey select\nkey 5\nkey select\nkey 4\nkey select\nkey 3\nkey select\n";
    s += "screenshot result-" + zoom + "\n";
  }
  return s;
}

class ScreenshotGoldens : public ::testing::TestWithParam<Case> {};

}  // namespace

TEST_P(ScreenshotGoldens, MatchTheGoldens) {
  const Case& c = GetParam();
  const auto run = kiosk::testing::run_kiosk("shots-" + c.label, walk_script(c));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  // The theme the run ended up in names the goldens, so a changed cycle order shows
  // as a missing golden rather than as a silent comparison with the wrong theme.
  std::string theme = "default", language = "zh-CN";
  for (const auto& e : kiosk::testing::of_type(run, "setting")) {
    if (e["name"] == "theme") theme = e["value"];
    if (e["name"] == "language") language = e["value"];
  }
  const bool update = std::getenv("KIOSK_UPDATE_GOLDENS") && std::string(std::getenv("KIOSK_UPDATE_GOLDENS")) == "1";
  const fs::path golden_dir = fs::path(KIOSK_SOURCE_ROOT) / "tests" / "render" / "screenshots" / "golden";
  int compared = 0;
  for (const std::string screen : {"home", "help_desk", "settings", "question", "result"})
    for (const std::string zoom : {"100", "200"}) {
      const std::string shot = screen + "-" + zoom;
      const std::string name = theme + "-" + language + "-" + shot + ".png";
      Image actual, expected, diff;
      std::string error;
      ASSERT_TRUE(load_scaled(run.dir / "shots" / (shot + ".png"), actual, error)) << error;
      const fs::path golden = golden_dir / name;
      if (update) {
        fs::create_directories(golden_dir);
        EXPECT_TRUE(save(actual, golden)) << "could not write " << golden;
        continue;
      }
      if (!fs::exists(golden)) {
        ADD_FAILURE() << "missing golden " << golden << " (run with KIOSK_UPDATE_GOLDENS=1 and look at it)";
        continue;
      }
      ASSERT_TRUE(load_plain(golden, expected, error)) << error;
      ASSERT_EQ(expected.w, actual.w) << name;
      ASSERT_EQ(expected.h, actual.h) << name;
      const long differing = differing_pixels(actual, expected, diff);
      const double fraction = static_cast<double>(differing) / (actual.w * actual.h);
      ++compared;
      if (fraction > kMaxDifferingFraction) {
        const fs::path actual_path = run.dir / ("actual-" + name), diff_path = run.dir / ("diff-" + name);
        save(actual, actual_path);
        save(diff, diff_path);
        ADD_FAILURE() << name << ": " << differing << " pixels (" << fraction * 100 << " %) differ from the golden "
                      << golden << "; actual " << actual_path << ", differences in red " << diff_path;
      }
    }
  if (!update) {
    EXPECT_EQ(compared, 10) << c.label;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryTheme, ScreenshotGoldens,
                         ::testing::Values(Case{"theme0", 0, false}, Case{"theme1", 1, false},
                                           Case{"theme2", 2, false}, Case{"theme3", 3, false},
                                           Case{"english", 0, true}),
                         [](const ::testing::TestParamInfo<Case>& param) { return param.param.label; });
