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

#include "journey.h"
#include "kiosk_run.h"

namespace fs = std::filesystem;
using nlohmann::json;

using namespace kiosk::testing;

namespace {

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
  EXPECT_EQ(values_of(run, "alert", "code"), (std::vector<std::string>{"staff_call_sending", "staff_call_failed",
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

namespace {
// Replaces the first line of `text` that starts with `start` by `line`.
std::string with_line(std::string text, const std::string& start, const std::string& line) {
  const auto at = text.find("\n" + start);
  if (at == std::string::npos) return text;
  const auto end = text.find('\n', at + 1);
  return text.replace(at + 1, end - at - 1, line);
}
}  // namespace

// Item 13: a broken hall config never starts: exit 2 and file:line: problem.
TEST(EveryModeTranscript, BadHallValuesStopStartUpNamingTheLine) {
  const std::vector<std::pair<std::string, std::string>> bad{
      {"language = ", "language = \"fr\""},
      {"zoom = ", "zoom = 150"},
      {"rate = ", "rate = 75"},
      {"pixel_pitch_mm = ", "pixel_pitch_mm = -1"},
      {"braille_table = ", "braille_table = \"kiosk-fr\""},
  };
  int n = 0;
  for (const auto& [start, line] : bad) {
    const fs::path dir = fresh_dir("em-bad-" + std::to_string(n++));
    const std::string config = hall_config(dir, [&](std::string text) { return with_line(std::move(text), start, line); });
    const KioskRun run = kiosk::testing::run_kiosk_in(dir, "key select\n", config);
    EXPECT_EQ(run.exit_code, 2) << line << "\n" << run.stderr_text;
    EXPECT_NE(run.stderr_text.find("kiosk.toml:"), std::string::npos) << line << "\n" << run.stderr_text;
    const std::string key = start.substr(0, start.find(' '));
    EXPECT_NE(run.stderr_text.find(": " + key), std::string::npos) << line << "\n" << run.stderr_text;
  }
}

// H1: a screen mounted so high (or low) that its touch targets cannot stay within reach.
TEST(EveryModeTranscript, AScreenMountedOutOfReachStopsStartUpNamingTheLine) {
  int n = 0;
  for (const std::string line : {"screen_bottom_mm = 1150", "screen_bottom_mm = 2000", "screen_bottom_mm = \"low\""}) {
    const fs::path dir = fresh_dir("em-reach-" + std::to_string(n++));
    const std::string config = hall_config(dir, [&](std::string text) { return with_line(std::move(text), "# screen_bottom_mm", line); });
    const KioskRun run = kiosk::testing::run_kiosk_in(dir, "key select\n", config);
    EXPECT_EQ(run.exit_code, 2) << line << "\n" << run.stderr_text;
    EXPECT_NE(run.stderr_text.find("kiosk.toml:"), std::string::npos) << line << "\n" << run.stderr_text;
    EXPECT_NE(run.stderr_text.find("screen_bottom_mm"), std::string::npos) << line << "\n" << run.stderr_text;
  }
  const fs::path dir = fresh_dir("em-reach-ok");
  const std::string config = hall_config(dir, [&](std::string text) { return with_line(std::move(text), "# screen_bottom_mm", "screen_bottom_mm = 1000"); });
  EXPECT_EQ(kiosk::testing::run_kiosk_in(dir, "key select\n", config).exit_code, 0);
}

TEST(EveryModeTranscript, AMessageMissingInOneCatalogueStopsStartUp) {
  const fs::path dir = fresh_dir("em-missing-id");
  const std::string config = hall_config(dir, [](std::string text) { return text; });
  // Delete home.settings (and its easy-read variant) from the English catalogue.
  const fs::path en = dir / "config" / "locales" / "en.toml";
  std::ifstream in(en);
  std::string kept;
  for (std::string line; std::getline(in, line);)
    if (line.rfind("\"home.settings\" =", 0) != 0) kept += line + "\n";
  in.close();
  std::ofstream(en, std::ios::trunc) << kept;
  const KioskRun run = kiosk::testing::run_kiosk_in(dir, "key select\n", config);
  EXPECT_EQ(run.exit_code, 2) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("zh-CN.toml:"), std::string::npos) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("home.settings"), std::string::npos) << run.stderr_text;
}

TEST(EveryModeTranscript, AnImpossibleNowIsRefused) {
  for (const char* now : {"2026-02-30T25:61:00+08:00", "2026-13-01T09:00:00+08:00", "2026-02-29T09:00:00+08:00",
                          "2026-03-08T09:00:00+24:00"}) {
    const KioskRun run = run_kiosk("em-now", "key select\n", std::string("--now ") + now);
    EXPECT_EQ(run.exit_code, 2) << now << run.stderr_text;
  }
  const KioskRun leap = run_kiosk("em-now-ok", "key select\n", "--now 2028-02-29T23:59:60Z");
  EXPECT_EQ(leap.exit_code, 0) << leap.stderr_text;
}
