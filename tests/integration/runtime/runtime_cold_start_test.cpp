// SPDX-License-Identifier: GPL-3.0-or-later
// What the kiosk loads before its first frame (docs/design.md, "Cold start"): the demo
// hall's embedded backend opens off the main thread and never maps libcurl; SDL2_image is
// mapped only by the first screenshot. This binary links kiosk_app only, so neither
// library is among its needed ones: whatever maps them is a dlopen of ours.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "drivers/display/recording_display.h"
#include "kiosk/app/config.h"
#include "kiosk/app/runtime/runtime.h"

using namespace kiosk;

namespace {

bool mapped(const std::string& soname_part) {
  std::ifstream maps("/proc/self/maps");
  std::stringstream text;
  text << maps.rdbuf();
  return text.str().find(soname_part) != std::string::npos;
}

// The demo hall's config, its outbox in `dir` (this run's own, not the source tree's build/).
app::Config demo_hall(const std::filesystem::path& dir) {
  auto loaded = app::load_config(std::string(KIOSK_SOURCE_ROOT) + "/config/kiosk.toml");
  EXPECT_TRUE(loaded.ok()) << loaded.describe();
  if (!loaded.ok()) return {};
  app::Config config = std::move(*loaded.config);
  std::filesystem::create_directories(dir);
  config.backend.insert_or_assign("outbox_path", (dir / "outbox.db").string());
  config.backend.insert_or_assign("outbox_key_file", (dir / "outbox.key").string());
  return config;
}

TEST(RuntimeColdStart, TheDemoBackendOpensWithoutLibcurl) {
  ASSERT_FALSE(mapped("libcurl.so")) << "the test binary itself must not link libcurl";
  const auto dir = std::filesystem::temp_directory_path() / ("runtime-cold-start-" + std::to_string(::getpid()));
  app::Config config = demo_hall(dir);
  ASSERT_EQ(config.backend["kind"].value_or(std::string()), "local");
  std::int64_t clock = 0;
  {
    app::Runtime runtime(config, [&clock] { return clock; }, std::make_unique<drivers::display::RecordingDisplay>());
    std::string error;
    ASSERT_TRUE(runtime.open_display(drivers::display::DisplayMode::Headless, error)) << error;
    runtime.show_first_screen();
    runtime.start();   // joins the backend's opening
    runtime.poll();
    EXPECT_TRUE(std::filesystem::exists(dir / "outbox.db")) << "the backend did not open";
    EXPECT_FALSE(mapped("libcurl.so")) << "the local backend loaded libcurl";
  }
  std::filesystem::remove_all(dir);
}

// The backend opens on its own thread but is used only from the one that made the
// runtime: a use from any other ends the process with a clear line, not a data race.
TEST(RuntimeColdStartDeathTest, TheBackendUsedOffTheMainThreadEndsTheProcessLoudly) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const auto dir = std::filesystem::temp_directory_path() / ("runtime-threads-" + std::to_string(::getpid()));
  app::Config config = demo_hall(dir);
  std::int64_t clock = 0;
  {
    app::Runtime runtime(config, [&clock] { return clock; }, std::make_unique<drivers::display::RecordingDisplay>());
    std::string error;
    ASSERT_TRUE(runtime.open_display(drivers::display::DisplayMode::Headless, error)) << error;
    runtime.poll();   // on this thread: the backend opens and answers
    EXPECT_DEATH(std::thread([&runtime] { runtime.poll(); }).join(), "the backend was used off the kiosk's main thread");
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
