// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12, "every function in every mode", through the real kiosk binary: what a
// resident hears, reads and touches, and what a hall technician's bad config does.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk_run.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using kiosk::testing::fresh_dir;
using kiosk::testing::KioskRun;
using kiosk::testing::of_type;
using kiosk::testing::run_kiosk;

// A copy of the hall's config in DIR/config, assets linked beside it, with kiosk.toml
// edited by `edit` (whole text in, whole text out); returns the --config argument.
template <typename Edit>
std::string hall_config(const fs::path& dir, Edit edit) {
  fs::copy(fs::path(KIOSK_SOURCE_ROOT) / "config", dir / "config", fs::copy_options::recursive);
  fs::create_directory_symlink(fs::path(KIOSK_SOURCE_ROOT) / "assets", dir / "assets");
  std::ifstream in(fs::path(KIOSK_SOURCE_ROOT) / "config" / "kiosk.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::ofstream(dir / "config" / "kiosk.toml", std::ios::trunc) << edit(std::move(text));
  return "--config " + (dir / "config" / "kiosk.toml").string();
}

std::vector<std::string> alert_codes(const KioskRun& run) {
  std::vector<std::string> codes;
  for (const auto& e : of_type(run, "alert")) codes.push_back(e["code"]);
  return codes;
}

}  // namespace

// Item 5: with no backend a staff call fails at once; the failure is the last word
// spoken and captioned, not "please wait".
TEST(EveryModeTranscript, AFailedStaffCallEndsWithTheOutcome) {
  const fs::path dir = fresh_dir("em-staff-failed");
  const std::string config = hall_config(dir, [](std::string text) {
    return text.substr(0, text.find("[backend]"));   // no backend: calls fail at once
  });
  const KioskRun run = kiosk::testing::run_kiosk_in(dir, "key select\nkey call-staff\nkey call-staff\n", config);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(alert_codes(run), (std::vector<std::string>{"staff_call_sending", "staff_call_failed",
                                                        "staff_call_sending", "staff_call_failed"}));
  const auto speech = of_type(run, "speech");
  ASSERT_FALSE(speech.empty());
  const std::string last = speech.back()["text"];
  EXPECT_NE(last.find("现在无法联系工作人员"), std::string::npos) << last;
}
