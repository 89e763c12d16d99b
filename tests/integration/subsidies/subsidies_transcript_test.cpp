// SPDX-License-Identifier: GPL-3.0-or-later
// 我的补贴 through the real kiosk and the embedded gateway: chosen on the home menu, it
// asks for identity first (card and SMS code), then comes back with the resident's two
// subsidies; amounts are personal (said on the headset, hidden on the loudspeaker without
// consent), a stopped case says why and what to do, and a failed query is told at once.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "kiosk_run.h"

namespace fs = std::filesystem;
using kiosk::testing::fresh_dir;
using kiosk::testing::hall_config_in;
using kiosk::testing::KioskRun;
using kiosk::testing::of_type;
using kiosk::testing::run_kiosk_in;

namespace {

std::string card(const std::string& name, const std::string& id) {
  return R"({"name": ")" + name + R"(", "sex": "男", "nation": "汉", "birth": ")" + id.substr(6, 8) +
         R"(", "address": "演示地址", "id_number": ")" + id +
         R"(", "authority": "演示公安局", "valid_from": "20160101", "valid_to": "20360101"})";
}

std::string config_in(const fs::path& dir) {
  std::ofstream(dir / "r1.json") << card("赵大山", "141081196804120356");
  std::ofstream(dir / "s5.json") << card("王小军", "141081198507190357");
  return hall_config_in(dir);
}

// Home item 3 (我的补贴), identity by card and the demo SMS code, then the status.
std::string to_status(const std::string& card_file, bool headset) {
  // Headphones plugged in start the visit by themselves; otherwise a key does.
  std::string script = headset ? "headphones in\n" : "key select\n";
  script += "key 3\nkey select\ncard " + card_file + "\nkey select\n";
  for (char c : std::string("135790")) script += std::string("key ") + c + "\n";
  return script + "key select\n";
}

std::string all_of_type(const KioskRun& run, const std::string& type) {
  std::string all;
  for (const auto& e : of_type(run, type)) all += e.dump() + "\n";
  return all;
}

}  // namespace

TEST(SubsidiesTranscript, R1HearsHisLivingAllowanceOnTheHeadset) {
  const auto dir = fresh_dir("subsidies_r1");
  const KioskRun run = run_kiosk_in(dir, to_status("r1.json", true) + "key down\nkey down\nkey down\nkey down\n", config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::string screens;
  for (const auto& e : of_type(run, "screen")) screens += e.value("id", "") + " ";
  EXPECT_EQ(screens, "attract home identify identify_factor verify subsidy_status ") << screens;
  std::string requests;
  for (const auto& e : of_type(run, "request")) requests += std::to_string(e.value("status", 0)) + " ";
  EXPECT_EQ(requests, "201 200 200 ");
  const std::string captions = all_of_type(run, "caption");
  EXPECT_NE(captions.find("正在按月发放"), std::string::npos) << captions;   // active
  EXPECT_NE(captions.find("每月122.00元"), std::string::npos) << captions;
  EXPECT_NE(captions.find("信息截至2026年3月7日"), std::string::npos) << captions;
  // On the headset the amount is said, as money.
  const std::string speech = all_of_type(run, "speech");
  EXPECT_NE(speech.find("\"route\":\"headset\""), std::string::npos);
  EXPECT_EQ(speech.find("内容已隐藏"), std::string::npos) << speech;
}

TEST(SubsidiesTranscript, OnTheLoudspeakerTheAmountsWaitForConsent) {
  const auto dir = fresh_dir("subsidies_speaker");
  const KioskRun run = run_kiosk_in(dir, to_status("r1.json", false) + "key down\nkey down\n", config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  ASSERT_EQ(of_type(run, "screen").back().value("id", ""), "subsidy_status");
  bool hidden = false;
  for (const auto& e : of_type(run, "speech")) {
    EXPECT_EQ(e.dump().find("122"), std::string::npos) << e.dump();
    hidden = hidden || e.dump().find("内容已隐藏") != std::string::npos;
  }
  EXPECT_TRUE(hidden);
}

TEST(SubsidiesTranscript, AStoppedCaseSaysWhyAndWhatToDo) {
  const auto dir = fresh_dir("subsidies_s5");
  const KioskRun run = run_kiosk_in(dir, to_status("s5.json", true) + "key down\nkey down\nkey down\n", config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const std::string captions = all_of_type(run, "caption");
  // S5: living allowance stopped (imprisoned), care allowance stopped (fraud): the reason
  // and the way forward, with the county's window and hotline.
  bool reason = false;
  for (const auto& e : of_type(run, "speech")) reason = reason || e.dump().find("刑满") != std::string::npos;
  EXPECT_TRUE(reason) << captions;
}
