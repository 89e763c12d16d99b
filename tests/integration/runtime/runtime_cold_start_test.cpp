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

TEST(RuntimeColdStart, TheDemoBackendOpensWithoutLibcurl) {
  ASSERT_FALSE(mapped("libcurl.so")) << "the test binary itself must not link libcurl";
  auto loaded = app::load_config(std::string(KIOSK_SOURCE_ROOT) + "/config/kiosk.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.describe();
  app::Config config = std::move(*loaded.config);
  ASSERT_EQ(config.backend["kind"].value_or(std::string()), "local");
  // The outbox in a directory of this run's own, not the source tree's build/.
  const auto dir = std::filesystem::temp_directory_path() / ("runtime-cold-start-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  config.backend.insert_or_assign("outbox_path", (dir / "outbox.db").string());
  config.backend.insert_or_assign("outbox_key_file", (dir / "outbox.key").string());
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

}  // namespace
