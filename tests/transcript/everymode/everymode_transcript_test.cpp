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

// Item 9: on the speaker, a personal item is hidden but keeps its position, and the
// resident hears the other ways to get it.
TEST(EveryModeTranscript, HiddenContentKeepsThePositionAndOffersOtherWays) {
  const KioskRun run = run_kiosk("em-hidden",
                                 "key select\nkey select\nkey down\nkey down\nkey select\n"
                                 "key select\nkey select\nkey select\nkey select\nkey select\nkey down\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto focus = of_type(run, "focus");
  const auto speech = of_type(run, "speech");
  ASSERT_FALSE(focus.empty());
  ASSERT_FALSE(speech.empty());
  ASSERT_EQ(focus.back()["node"].get<std::string>().rfind("entitlements_result.", 0), 0u) << focus.back().dump();
  const std::string said = speech.back()["text"];
  EXPECT_EQ(speech.back()["route"], "speaker");
  EXPECT_NE(said.find("内容已隐藏"), std::string::npos) << said;
  EXPECT_NE(said.find("看屏幕"), std::string::npos) << said;
  EXPECT_NE(said.find("工作人员"), std::string::npos) << said;
  const std::string position = "第" + std::to_string(focus.back()["index"].get<int>()) + "项，共" +
                               std::to_string(focus.back()["count"].get<int>()) + "项";
  EXPECT_NE(said.find(position), std::string::npos) << said;
  EXPECT_EQ(said.find(focus.back()["name"].get<std::string>()), std::string::npos) << said;
}
