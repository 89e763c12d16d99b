// SPDX-License-Identifier: GPL-3.0-or-later
// The hall's config names the reader: `card_reader = ["ga467:/dev/ttyUSB0", "null"]` is
// accepted; `ga467` without its device, or a code no table knows, stops start-up naming
// the file and line (kiosk/app/config.cpp over drivers/card_reader/card_reader_driver.h).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "kiosk/app/config.h"

namespace fs = std::filesystem;

namespace {

// The demo hall's config with its card_reader line replaced, in a fresh folder beside a
// link to the repository's assets.
kiosk::app::ConfigResult load_with_card_reader(const std::string& list) {
  static int runs = 0;
  const fs::path root = fs::temp_directory_path() / ("ga467-config-" + std::to_string(::getpid()) + "-" + std::to_string(++runs));
  fs::remove_all(root);
  fs::create_directories(root);
  fs::copy(fs::path(KIOSK_SOURCE_ROOT) / "config", root / "config", fs::copy_options::recursive);
  fs::create_directory_symlink(fs::path(KIOSK_SOURCE_ROOT) / "assets", root / "assets");
  const fs::path toml = root / "config" / "kiosk.toml";
  std::ifstream in(toml);
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  const auto at = s.find("card_reader = ");
  s.replace(at, s.find('\n', at) - at, "card_reader = " + list);
  std::ofstream(toml) << s;
  auto loaded = kiosk::app::load_config(toml);   // read whole: the copy can go
  fs::remove_all(root);
  return loaded;
}

}  // namespace

TEST(Ga467CardReaderConfig, AnEntryWithItsDeviceIsAccepted) {
  const auto loaded = load_with_card_reader(R"(["ga467:/dev/ttyUSB0", "null"])");
  ASSERT_TRUE(loaded.ok()) << loaded.describe();
  EXPECT_EQ(loaded.config->card_reader_drivers, (std::vector<std::string>{"ga467:/dev/ttyUSB0", "null"}));
}

TEST(Ga467CardReaderConfig, Ga467WithoutADeviceStopsStartUpNamingTheLine) {
  for (const char* list : {R"(["ga467", "null"])", R"(["ga467:", "null"])"}) {
    const auto loaded = load_with_card_reader(list);
    ASSERT_FALSE(loaded.ok()) << list;
    const std::string text = loaded.describe();
    EXPECT_NE(text.find("kiosk.toml:"), std::string::npos) << text;
    EXPECT_NE(text.find("\"ga467:/dev/ttyUSB0\""), std::string::npos) << text;
  }
}

TEST(Ga467CardReaderConfig, AnUnknownCodeNamesTheKnownOnes) {
  const auto loaded = load_with_card_reader(R"(["ga999:/dev/ttyUSB0"])");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.describe().find("known: fake, ga467, null"), std::string::npos) << loaded.describe();
}
