// SPDX-License-Identifier: GPL-3.0-or-later
// The Runtime draws through drivers::display::Display, so a test can hand it the
// recording twin: what it presents, when it forgets the resident's text, and that a
// channel drawing in the display (the sign pane) is attached through the same interface.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drivers/display/recording_display.h"
#include "kiosk/app/channels/sign_channel.h"
#include "kiosk/app/config.h"
#include "kiosk/app/runtime/runtime.h"

using namespace kiosk;
using drivers::display::RecordingDisplay;

namespace {

class RuntimeDisplay : public ::testing::Test {
 protected:
  void SetUp() override { open(false); }

  void open(bool touch_explore, int screen_bottom_mm = -1) {
    auto loaded = app::load_config(std::string(KIOSK_SOURCE_ROOT) + "/config/kiosk.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.describe();
    m_config = std::make_unique<app::Config>(std::move(*loaded.config));
    m_config->backend = {};   // no backend: nothing here leaves the process
    m_config->kiosk.hall_defaults.touch_explore = touch_explore;
    m_config->metrics.screen_bottom_mm = screen_bottom_mm;
    auto display = std::make_unique<RecordingDisplay>();
    m_display = display.get();
    m_runtime = std::make_unique<app::Runtime>(*m_config, [this] { return m_clock; }, std::move(display));
    std::string error;
    ASSERT_TRUE(m_runtime->open_display(drivers::display::DisplayMode::Headless, error)) << error;
    m_transcript = std::filesystem::temp_directory_path() /
                   ("runtime-display-" + std::to_string(::getpid()) + "-" + std::to_string(++s_runs) + ".jsonl");
    ASSERT_TRUE(m_runtime->open_transcript(m_transcript.string()));
  }

  // Touches the middle of the node's touch target on the current screen.
  void touch(const std::string& node_id) {
    for (const auto& target : m_runtime->layout().targets)
      if (target.node_id == node_id)
        return m_runtime->touch(target.rect.x + target.rect.w / 2, target.rect.y + target.rect.h / 2, core::TouchKind::Tap);
    ADD_FAILURE() << "no touch target " << node_id;
  }

  std::vector<nlohmann::json> alerts() {
    m_runtime.reset();   // flushes the transcript
    std::vector<nlohmann::json> out;
    std::ifstream in(m_transcript);
    for (std::string line; std::getline(in, line);) {
      const auto event = nlohmann::json::parse(line, nullptr, false);
      if (event.is_object() && event.value("type", "") == "alert") out.push_back(event);
    }
    return out;
  }

  // Every line of text in the last presented frame, joined.
  std::string last_frame_text() const {
    std::string all;
    if (m_display->presented().empty()) return all;
    for (const auto& text : m_display->presented().back().texts)
      for (const auto& line : text.lines) all += line + "\n";
    return all;
  }

  // The same, each text's lines joined again (a wrapped sentence reads whole).
  std::string frame_text_unwrapped() const {
    std::string all;
    if (m_display->presented().empty()) return all;
    for (const auto& text : m_display->presented().back().texts) {
      for (const auto& line : text.lines) all += line;
      all += "\n";
    }
    return all;
  }

  static inline int s_runs = 0;
  std::filesystem::path m_transcript;
  std::int64_t m_clock = 0;
  std::unique_ptr<app::Config> m_config;
  std::unique_ptr<app::Runtime> m_runtime;
  RecordingDisplay* m_display = nullptr;
};

}  // namespace

TEST_F(RuntimeDisplay, PresentsTheAttractScreenThenHomeOnTheFirstKey) {
  m_runtime->show_first_screen();
  m_runtime->start();
  ASSERT_FALSE(m_display->presented().empty());
  const std::string attract = last_frame_text();
  m_runtime->command(core::Command::Select, core::InputSource::Key);
  m_runtime->redraw();
  const std::string home = last_frame_text();
  EXPECT_NE(home, attract);
  EXPECT_NE(home.find(m_config->catalog.text("home.title", m_runtime->kiosk().settings().language)), std::string::npos)
      << home;
}

TEST_F(RuntimeDisplay, AnUnchangedScreenIsNotPresentedAgain) {
  m_runtime->show_first_screen();
  m_runtime->start();
  const auto frames = m_display->presented().size();
  m_runtime->redraw();
  m_runtime->redraw();
  EXPECT_EQ(m_display->presented().size(), frames);
}

TEST_F(RuntimeDisplay, TheEndOfAVisitMakesTheDisplayForgetItsText) {
  m_runtime->show_first_screen();
  m_runtime->start();
  m_runtime->command(core::Command::Select, core::InputSource::Key);
  EXPECT_EQ(m_display->times_forgotten(), 0);
  m_clock += 10LL * 60 * 1000;   // far past the inactivity timeout and its warning
  m_runtime->tick();
  m_clock += 10LL * 60 * 1000;
  m_runtime->tick();
  EXPECT_FALSE(m_runtime->kiosk().in_session());
  EXPECT_GE(m_display->times_forgotten(), 1);
}

TEST_F(RuntimeDisplay, TheSignChannelIsAttachedThroughTheInterface) {
  EXPECT_FALSE(m_display->has_video_hook());
  m_runtime->add_channel(std::make_unique<app::SignChannel>(*m_config));
  EXPECT_TRUE(m_display->has_video_hook());
}

// A sign pane with no clip for what is shown says so inside the pane; with a clip it
// plays and says nothing.
TEST_F(RuntimeDisplay, ThePaneSaysSoWhereThereIsNoSignVideo) {
  m_runtime->add_channel(std::make_unique<app::SignChannel>(*m_config));
  m_runtime->show_first_screen();
  m_runtime->start();
  m_runtime->command(core::Command::Select, core::InputSource::Key);
  m_runtime->command(core::Command::Sign, core::InputSource::Key);
  m_runtime->redraw();
  const std::string note = m_config->catalog.text("sign.no_clip", m_runtime->kiosk().settings().language);
  ASSERT_TRUE(m_runtime->layout().sign_pane.has_value());
  EXPECT_EQ(frame_text_unwrapped().find(note), std::string::npos) << "home has its clips";
  m_runtime->command(core::Command::Digit3, core::InputSource::Key);   // 办理业务: the identity screen
  m_runtime->command(core::Command::Select, core::InputSource::Key);
  m_runtime->redraw();
  ASSERT_NE(m_runtime->kiosk().tree().screen_id, "home");
  EXPECT_NE(frame_text_unwrapped().find(note), std::string::npos)
      << m_runtime->kiosk().tree().screen_id << ":\n" << last_frame_text();
}

TEST_F(RuntimeDisplay, AScreenshotWithoutPixelsFailsWithoutStopping) {
  m_runtime->show_first_screen();
  EXPECT_FALSE(m_runtime->screenshot("/tmp/never-written.png"));
}

// Issue 12 item 1: in touch-to-explore a bar button is read (speech, caption, braille: an
// alert) on the first touch and acts on the second, like any item.
TEST_F(RuntimeDisplay, InTouchExploreABarButtonIsReadFirstAndActsOnTheSecondTouch) {
  open(true);
  m_runtime->show_first_screen();
  m_runtime->start();
  m_runtime->command(core::Command::Select, core::InputSource::Key);   // home
  m_runtime->command(core::Command::Select, core::InputSource::Key);   // the first service
  m_runtime->redraw();
  const std::string service = m_runtime->kiosk().tree().screen_id;
  ASSERT_NE(service, "home");
  touch("bar.home");
  EXPECT_EQ(m_runtime->kiosk().tree().screen_id, service);   // only read
  touch("bar.home");
  EXPECT_EQ(m_runtime->kiosk().tree().screen_id, "home");
  const auto said = alerts();
  ASSERT_FALSE(said.empty());
  EXPECT_EQ(said.front().value("code", ""), "bar_explored");
  EXPECT_NE(said.front().value("text", "").find("首页"), std::string::npos) << said.front().dump();
}

// A visit started by touch has speech, and so touch-to-explore, off.
TEST_F(RuntimeDisplay, WithoutTouchExploreABarButtonActsAtOnce) {
  m_runtime->show_first_screen();
  m_runtime->start();
  m_runtime->touch(960, 540, core::TouchKind::Tap);   // the visit starts on home
  ASSERT_FALSE(m_runtime->kiosk().settings().touch_explore);
  touch("home.entitlements");
  ASSERT_NE(m_runtime->kiosk().tree().screen_id, "home");
  touch("bar.home");
  EXPECT_EQ(m_runtime->kiosk().tree().screen_id, "home");
}

// H1: with the screen's lower edge at 1050 mm its top 170 mm are out of a wheelchair
// user's reach; every touch target of every screen walked stays below that, at 100 %
// and 200 %.
TEST_F(RuntimeDisplay, EveryTouchTargetStaysInTheReachZone) {
  open(false, 1050);
  const core::ReachBand band = core::reach_band(m_config->metrics);
  ASSERT_GT(band.top, 300);   // the test means something: a third of the screen is out of reach
  m_runtime->show_first_screen();
  m_runtime->start();
  auto check = [&](const std::string& where) {
    m_runtime->redraw();
    for (const auto& target : m_runtime->layout().targets) {
      EXPECT_GE(target.rect.y, band.top) << where << " " << target.node_id;
      EXPECT_LE(target.rect.y + target.rect.h, band.bottom) << where << " " << target.node_id;
    }
  };
  for (int zoom_steps = 0; zoom_steps < 2; ++zoom_steps) {
    m_runtime->command(core::Command::Select, core::InputSource::Key);   // home, or the service
    check("zoom step " + std::to_string(zoom_steps));
    m_runtime->command(core::Command::Select, core::InputSource::Key);
    check("service, zoom step " + std::to_string(zoom_steps));
    m_runtime->command(core::Command::Home, core::InputSource::Key);
    for (int i = 0; i < 2; ++i) m_runtime->command(core::Command::ZoomIn, core::InputSource::Key);
  }
}
