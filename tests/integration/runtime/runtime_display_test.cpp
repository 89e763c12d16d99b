// SPDX-License-Identifier: GPL-3.0-or-later
// The Runtime draws through drivers::display::Display, so a test can hand it the
// recording twin: what it presents, when it forgets the resident's text, and that a
// channel drawing in the display (the sign pane) is attached through the same interface.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>

#include "drivers/display/recording_display.h"
#include "kiosk/app/channels/sign_channel.h"
#include "kiosk/app/config.h"
#include "kiosk/app/runtime.h"

using namespace kiosk;
using drivers::display::RecordingDisplay;

namespace {

class RuntimeDisplay : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = app::load_config(std::string(KIOSK_TEST_ROOT) + "/config/kiosk.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.describe();
    m_config = std::make_unique<app::Config>(std::move(*loaded.config));
    m_config->backend = {};   // no backend: nothing here leaves the process
    auto display = std::make_unique<RecordingDisplay>();
    m_display = display.get();
    m_runtime = std::make_unique<app::Runtime>(*m_config, [this] { return m_clock; }, std::move(display));
    std::string error;
    ASSERT_TRUE(m_runtime->open_display(drivers::display::DisplayMode::Headless, error)) << error;
  }

  // Every line of text in the last presented frame, joined.
  std::string last_frame_text() const {
    std::string all;
    if (m_display->presented().empty()) return all;
    for (const auto& text : m_display->presented().back().texts)
      for (const auto& line : text.lines) all += line + "\n";
    return all;
  }

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

TEST_F(RuntimeDisplay, AScreenshotWithoutPixelsFailsWithoutStopping) {
  m_runtime->show_first_screen();
  EXPECT_FALSE(m_runtime->screenshot("/tmp/never-written.png"));
}
