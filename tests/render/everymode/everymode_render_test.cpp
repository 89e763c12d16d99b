// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12 on screen: a selected choice shows a shape, not colour alone; the caption
// keeps the item's name at 200 %. Real fonts (SDL_ttf, Noto Sans CJK SC), real config.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "drivers/display/sdl_text_measurer.h"
#include "kiosk/app/config.h"
#include "kiosk/core/kiosk/kiosk.h"
#include "kiosk/core/present/layout.h"
#include "kiosk/core/present/speech/speech_presenter.h"
#include "kiosk/services/entitlements/guide_service.h"

using namespace kiosk;

namespace {

class EveryModeRender : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    auto loaded = app::load_config(std::string(KIOSK_TEST_ROOT) + "/config/kiosk.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.describe();
    s_config = new app::Config(std::move(*loaded.config));
    // The foundation's walks by position: the demo hall's first services (kiosk_run.h).
    s_config->services = {"entitlements", "help_desk", "subsidies", "identity"};
    auto measurer = drivers::display::SdlTextMeasurer::open();
    ASSERT_TRUE(measurer.ok()) << measurer.error().message;
    s_measurer = std::move(*measurer).release();
  }

  // A visit started by a key, then `keys`, at `zoom`.
  std::unique_ptr<core::Kiosk> visit(int zoom, const std::vector<core::Command>& keys) {
    core::KioskOptions options = s_config->kiosk;
    options.hall_defaults.zoom = zoom;
    auto kiosk = std::make_unique<core::Kiosk>(options, s_config->catalog);
    for (auto& service : app::make_services(*s_config)) kiosk->add_service(std::move(service));
    kiosk->start(0);
    kiosk->command(core::Command::Select, core::InputSource::Key, 0);
    for (auto key : keys) kiosk->command(key, core::InputSource::Key, 0);
    return kiosk;
  }

  core::ScreenLayout layout(const core::Kiosk& kiosk, const std::string& caption = {}) {
    core::LayoutInput input{kiosk.tree(), kiosk.focus().current(), kiosk.settings(), s_config->catalog,
                            kiosk.status(), caption, "", false, 0};
    return core::layout_screen(input, *s_measurer, s_config->metrics);
  }

  // The text drawn in the node's touch box.
  static std::string shown_in(const core::ScreenLayout& layout, const std::string& node_id) {
    for (const auto& target : layout.targets) {
      if (target.node_id != node_id) continue;
      for (const auto& text : layout.list.texts)
        if (target.rect.contains(text.box.x, text.box.y)) {
          std::string all;
          for (const auto& line : text.lines) all += line;
          return all;
        }
    }
    return {};
  }

  static inline app::Config* s_config = nullptr;
  static inline drivers::display::SdlTextMeasurer* s_measurer = nullptr;
};

}  // namespace

// Item 10: the current language and a chosen answer carry a check mark; the others not.
TEST_F(EveryModeRender, SelectedChoiceIsShownByAShape) {
  using C = core::Command;
  for (int zoom : core::kZoomSteps) {
    auto kiosk = visit(zoom, {C::Down, C::Down, C::Down, C::Down, C::Select});   // the language screen
    ASSERT_EQ(kiosk->tree().screen_id, "language");
    const auto shown = layout(*kiosk);
    EXPECT_NE(shown_in(shown, "language.zh").find(core::kSelectedMark), std::string::npos) << zoom << shown_in(shown, "language.zh");
    EXPECT_EQ(shown_in(shown, "language.en").find(core::kSelectedMark), std::string::npos) << zoom;
    EXPECT_FALSE(shown_in(shown, "language.en").empty());
  }
}

// Item 11: at large sizes the caption keeps the focused item's name, however long the
// utterance (title, prompt, then the item) before it.
TEST_F(EveryModeRender, CaptionKeepsTheItemNameAtLargeSizes) {
  using C = core::Command;
  for (int zoom : {160, 200}) {
    core::KioskOptions options = s_config->kiosk;
    options.hall_defaults.zoom = zoom;
    core::Kiosk kiosk(options, s_config->catalog);
    for (auto& service : app::make_services(*s_config)) kiosk.add_service(std::move(service));
    core::speech::SpeechPresenter presenter;
    std::string caption;
    auto run = [&](const core::Effects& effects) {
      for (const auto& action : presenter.present(effects, kiosk))
        if (!action.caption_text.empty()) caption = action.caption_text;
    };
    run(kiosk.start(0));
    run(kiosk.command(C::Select, core::InputSource::Key, 0));
    for (C key : {C::Down, C::Down, C::Select, C::Down, C::Down, C::Down}) run(kiosk.command(key, core::InputSource::Key, 0));
    for (int step = 0; step < 12; ++step) {
      const core::Node* node = kiosk.focused_node();
      ASSERT_NE(node, nullptr);
      const std::string name = s_config->catalog.text(node->name, "zh-CN");
      ASSERT_NE(caption.find(name), std::string::npos) << caption;
      const auto shown = layout(kiosk, caption);
      std::string drawn;
      for (const auto& text : shown.list.texts)
        if (text.color == core::ColorRole::CaptionText)
          for (const auto& line : text.lines) drawn += line;
      EXPECT_NE(drawn.find(name), std::string::npos) << zoom << " " << node->id << ": " << drawn;
      run(kiosk.command(C::Down, core::InputSource::Key, 0));
    }
  }
}
