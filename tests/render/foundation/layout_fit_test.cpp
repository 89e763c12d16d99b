// Every screen, in both languages, at every text size: no text wider than its box,
// nothing outside the frame, touch targets at least 15 mm and never overlapping, no
// missing message id. Real fonts (SDL_ttf, Noto Sans CJK SC), real config.
#include <gtest/gtest.h>

#include <SDL.h>

#include <set>

#include "drivers/display/sdl_text_measurer.h"
#include "kiosk/app/config.h"
#include "kiosk/core/kiosk.h"
#include "kiosk/core/layout.h"
#include "kiosk/core/text_wrap.h"
#include "kiosk/services/entitlements/guide_service.h"

using namespace kiosk;

namespace {

struct Visit {
  std::string label;
  std::vector<core::Command> keys;   // after the session started on home
};

const std::vector<Visit>& visits() {
  using C = core::Command;
  static const std::vector<Visit> all{
      {"home", {}},
      {"settings", {C::Down, C::Select}},
      {"language", {C::Down, C::Down, C::Select}},
      {"help", {C::Down, C::Down, C::Down, C::Select}},
      {"entitlements", {C::Select}},
      {"category", {C::Select, C::Down, C::Down, C::Select}},
      {"grade", {C::Select, C::Down, C::Down, C::Select, C::Select}},
      {"age", {C::Select, C::Down, C::Down, C::Select, C::Select, C::Select}},
      {"dibao", {C::Select, C::Down, C::Down, C::Select, C::Select, C::Select, C::Select}},
      {"hukou", {C::Select, C::Down, C::Down, C::Select, C::Select, C::Select, C::Select, C::Select}},
      // All skipped: the longest result, every entry "may apply".
      {"result_all", {C::Select, C::Down, C::Down, C::Select, C::Digit8, C::Select, C::Digit5, C::Select,
                      C::Digit5, C::Select, C::Digit4, C::Select, C::Digit3, C::Select}},
  };
  return all;
}

class LayoutFit : public ::testing::TestWithParam<std::tuple<int, std::string>> {
 protected:
  static void SetUpTestSuite() {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    auto loaded = app::load_config(std::string(KIOSK_TEST_ROOT) + "/config/kiosk.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.describe();
    s_config = new app::Config(std::move(*loaded.config));
    auto measurer = drivers::display::SdlTextMeasurer::open();
    ASSERT_TRUE(measurer.ok()) << measurer.error().message;
    s_measurer = std::move(*measurer).release();
  }
  static inline app::Config* s_config = nullptr;
  static inline drivers::display::SdlTextMeasurer* s_measurer = nullptr;
};

}  // namespace

TEST_P(LayoutFit, NothingOverflowsOrOverlapsOnAnyScreen) {
  ASSERT_NE(s_config, nullptr);
  const auto [zoom, language] = GetParam();
  const core::Sizes sizes = core::sizes_for(zoom, s_config->metrics);
  for (const auto& visit : visits()) {
    core::KioskOptions options = s_config->kiosk;
    options.hall_defaults.zoom = zoom;
    options.hall_defaults.language = language;
    core::Kiosk kiosk(options, s_config->catalog);
    kiosk.add_service(std::make_unique<services::entitlements::GuideService>(s_config->county));
    kiosk.start(0);
    kiosk.command(core::Command::Select, core::InputSource::Key, 0);
    for (auto key : visit.keys) kiosk.command(key, core::InputSource::Key, 0);
    // Walk the whole focus ring so every page is laid out.
    for (int step = 0; step <= kiosk.focus().count(); ++step) {
      std::optional<core::Alert> status = core::Alert{"where", core::Message::of("where.flow")
          .arg("screen", "x").arg("step", "1").arg("steps", "6").arg("item", "1").arg("count", "9"), {}};
      core::LayoutInput input{kiosk.tree(), kiosk.focus().current(), kiosk.settings(), s_config->catalog,
                              status, "字幕 caption line", "", false};
      const auto layout = core::layout_screen(input, *s_measurer, s_config->metrics);
      const std::string where = visit.label + " zoom " + std::to_string(zoom) + " " + language + " item " +
                                kiosk.focus().current();
      for (const auto& text : layout.list.texts) {
        EXPECT_GE(text.box.x, 0) << where;
        EXPECT_LE(text.box.x + text.box.w, layout.list.width) << where;
        EXPECT_LE(text.box.y + text.box.h, layout.list.height) << where << " text " << text.lines.front();
        for (const auto& line : text.lines)
          EXPECT_LE(s_measurer->width(line, text.px, text.face), text.box.w) << where << " line " << line;
        EXPECT_GE(core::cap_height_px(text.px) * s_config->metrics.pixel_pitch_mm, 4.8 - 0.25) << where;
      }
      for (std::size_t i = 0; i < layout.targets.size(); ++i) {
        const auto& a = layout.targets[i].rect;
        const auto* node = kiosk.tree().find(layout.targets[i].node_id);
        if (node && core::is_actionable(node->role)) {
          EXPECT_GE(a.h, sizes.target_min) << where;
          EXPECT_GE(a.w, sizes.target_min) << where;
        }
        for (std::size_t j = i + 1; j < layout.targets.size(); ++j)
          EXPECT_FALSE(a.intersects(layout.targets[j].rect)) << where << " " << layout.targets[i].node_id
                                                              << " overlaps " << layout.targets[j].node_id;
      }
      kiosk.command(core::Command::Down, core::InputSource::Key, 0);
    }
  }
  EXPECT_TRUE(s_config->catalog.missing().empty())
      << "missing message id: " << *s_config->catalog.missing().begin();
}

INSTANTIATE_TEST_SUITE_P(AllSizesBothLanguages, LayoutFit,
                         ::testing::Combine(::testing::Values(80, 100, 120, 160, 200),
                                            ::testing::Values(std::string("zh-CN"), std::string("en"))));

TEST(Sizes, FollowTheMillimetreRules) {
  core::LayoutMetrics metrics;   // 0.248 mm pitch
  const auto s100 = core::sizes_for(100, metrics);
  EXPECT_GE(core::cap_height_px(s100.body_px) * metrics.pixel_pitch_mm, 6.1 - 0.25);
  EXPECT_GE(s100.target_min * metrics.pixel_pitch_mm, 15.0);
  EXPECT_GE(s100.gap * metrics.pixel_pitch_mm, 3.0);
  EXPECT_GE(s100.focus_thickness, 4);
  const auto s200 = core::sizes_for(200, metrics);
  EXPECT_GE(core::cap_height_px(s200.body_px) * metrics.pixel_pitch_mm, 12.2 - 0.3);
  EXPECT_GT(s200.focus_thickness, s100.focus_thickness);   // the ring scales with the text
}
