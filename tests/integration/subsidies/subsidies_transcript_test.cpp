// SPDX-License-Identifier: GPL-3.0-or-later
// 我的补贴 through the real kiosk and the embedded gateway: chosen on the home menu, it
// asks for identity first (card and SMS code), then comes back with the resident's two
// subsidies; amounts are personal (said on the headset, hidden on the loudspeaker without
// consent), a stopped case says why and what to do, and a failed query is told at once.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "journey.h"
#include "kiosk_run.h"

namespace fs = std::filesystem;
using namespace kiosk::testing;   // the suites' support (kiosk_run.h, journey.h)

namespace {

std::string config_in(const fs::path& dir) {
  std::ofstream(dir / "r1.json") << card_json("赵大山", "141081196804120356");
  std::ofstream(dir / "s5.json") << card_json("王小军", "141081198507190357");
  return hall_config_in(dir);
}

}  // namespace

TEST(SubsidiesTranscript, R1HearsHisLivingAllowanceOnTheHeadset) {
  const auto dir = fresh_dir("subsidies_r1");
  const KioskRun run = run_kiosk_in(dir, by_card(3, "r1.json", true) + "key down\nkey down\nkey down\nkey down\n", config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const std::string screens = joined(run, "screen", "id", " ");
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
  const KioskRun run = run_kiosk_in(dir, by_card(3, "r1.json", false) + "key down\nkey down\n", config_in(dir));
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
  const KioskRun run = run_kiosk_in(dir, by_card(3, "s5.json", true) + "key down\nkey down\nkey down\n", config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const std::string captions = all_of_type(run, "caption");
  // S5: living allowance stopped (imprisoned), care allowance stopped (fraud): the reason
  // and the way forward, with the county's window and hotline.
  bool reason = false;
  for (const auto& e : of_type(run, "speech")) reason = reason || e.dump().find("刑满") != std::string::npos;
  EXPECT_TRUE(reason) << captions;
}

// Every stop reason of docs/domain.md, and a refusal, read on the status screen in plain
// words with the way forward: the synthetic residents S3-S8 hold them between them.
TEST(SubsidiesTranscript, EveryStopReasonAndARefusalIsReadWithWhatToDo) {
  struct Case {
    const char* id;
    std::vector<const char*> words;
  };
  const std::vector<Case> cases{
      {"370303198211270138", {"没有按时参加年审"}},                                     // review_missed
      {"640324197105020648", {"换领新证以后就会恢复发放", "户口已经迁出本县"}},        // cert_expired, hukou_moved_out
      {"141081198507190357", {"服刑期间停发", "情况不实"}},                             // imprisoned, fraud
      {"150304199002030269", {"年审没有通过", "您申请了停发"}},                         // review_failed, voluntary
      {"370303195808160173", {"残疾人证已经注销", "护理补贴发给一级、二级残疾人"}},    // cert_cancelled, rejected
      {"640324194701210487", {"登记为已经去世", "登记为失踪"}},                         // deceased, declared_missing
  };
  for (const Case& c : cases) {
    const auto dir = fresh_dir(std::string("subsidies_stop_") + c.id);
    std::ofstream(dir / "card.json") << card_json("演示人", c.id);
    std::string walk;
    for (int i = 0; i < 45; ++i) walk += "key down\n";
    // S8 has no phone on file: a member of staff confirms her (number 0101, PIN 2468).
    const bool staff = std::string(c.id) == "640324194701210487";
    const std::string in = staff ? "headphones in\nkey 3\nkey select\ncard card.json\nkey down\nkey select\n"
                                   "key 0\nkey 1\nkey 0\nkey 1\nkey select\nkey 2\nkey 4\nkey 6\nkey 8\nkey select\n"
                                 : by_card(3, "card.json", true);
    const KioskRun run = run_kiosk_in(dir, in + walk, hall_config_in(dir));
    ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
    const std::string captions = all_of_type(run, "caption");
    for (const char* words : c.words) EXPECT_NE(captions.find(words), std::string::npos) << c.id << " " << words;
  }
}

// S4's living allowance stopped because her certificate ran out: the way forward is one
// item away, "去换领残疾人证", which opens the certificate service for the same visit.
TEST(SubsidiesTranscript, AnExpiredCertificatesStopLeadsToRenewingIt) {
  const auto dir = fresh_dir("subsidies_renew_link");
  std::ofstream(dir / "s4.json") << card_json("马秀兰", "640324197105020648");
  const std::string config =
      hall_config_in(dir, {{"services = ", R"(services = ["entitlements", "help_desk", "subsidies", "certificate", "identity"])"}});
  std::string downs;
  for (int i = 0; i < 30; ++i) downs += "key down\n";
  // First walk the status screen to learn where the link stands in its focus order.
  const KioskRun walk = run_kiosk_in(dir, by_card(3, "s4.json", true) + downs, config);
  ASSERT_EQ(walk.exit_code, 0) << walk.stderr_text;
  // Each key down moves the focus one item on: the run of focus events whose positions
  // count up to the link starts where the keys began (the answer's rebuild put it there).
  std::vector<int> positions;
  bool on_status = false, found = false;
  for (const auto& e : walk.events) {
    if (e.value("type", "") == "screen") on_status = e.value("id", "") == "subsidy_status";
    if (!on_status || e.value("type", "") != "focus") continue;
    positions.push_back(e.value("index", 0));
    if (e.value("node", "") == "subsidy_status.living_allowance.renew_certificate") {
      found = true;
      break;
    }
  }
  int steps = found ? 0 : -1;
  for (std::size_t i = positions.size(); found && i >= 2 && positions[i - 1] == positions[i - 2] + 1; --i) ++steps;
  ASSERT_GE(steps, 1) << "no renew_certificate item on S4's status";
  std::string to_link;
  for (int i = 0; i < steps; ++i) to_link += "key down\n";
  const auto again = fresh_dir("subsidies_renew_link_2");
  std::ofstream(again / "s4.json") << card_json("马秀兰", "640324197105020648");
  const KioskRun run = run_kiosk_in(again, by_card(3, "s4.json", true) + to_link + "key select\n", config);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::string screens;
  for (const auto& e : of_type(run, "screen")) screens += e.value("id", "") + " ";
  EXPECT_NE(screens.find("subsidy_status certificate "), std::string::npos) << screens;
  // The same visit: no second identification on the way.
  EXPECT_EQ(screens.find("identify", screens.find("subsidy_status")), std::string::npos) << screens;
}
