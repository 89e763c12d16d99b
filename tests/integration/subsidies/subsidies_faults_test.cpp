// SPDX-License-Identifier: GPL-3.0-or-later
// 我的补贴 when the gateway misbehaves, through the real kiosk: a 500, a garbage answer and
// a problem answer with its own plain sentence are each told at once, shown and spoken,
// with a way to ask again; and "repeat" on a payment re-reads that payment only.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "journey.h"
#include "kiosk_run.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace kiosk::testing;   // the suites' support (kiosk_run.h, journey.h)

namespace {

std::string config_for(const fs::path& dir, int port) {
  std::ofstream(dir / "r1.json") << card_json("赵大山", "141081196804120356");
  std::ofstream(dir / "mother.json") << card_json("马玉梅", "640324199603080626");
  if (port == 0) return hall_config_in(dir);
  return hall_config_in(dir, {http_backend_line(port)});
}

// The status query's request event, the alert it brought, and the screen's failure line.
void expect_told(const KioskRun& run, const std::string& error, const std::string& words) {
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto requests = of_type(run, "request");
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.back().value("path", "").find("/subsidies"), requests.back().value("path", "").size() - 10);
  EXPECT_EQ(requests.back().value("error", ""), error) << requests.back().dump();
  std::string alerts;
  for (const auto& e : of_type(run, "alert")) alerts += e.value("text", "") + "\n";
  EXPECT_NE(alerts.find(words), std::string::npos) << alerts;
  // The way forward: the retry button is where the focus lands.
  EXPECT_EQ(of_type(run, "focus").back().value("node", ""), "subsidy_status.retry");
}

}  // namespace

TEST(SubsidiesFaults, AServerErrorIsToldAtOnceWithAWayToAskAgain) {
  auto sim = start_sim({*kiosk::tools::parse_fault_rule("subsidies=500")});
  const fs::path dir = fresh_dir("subsidies_500");
  expect_told(run_kiosk_in(dir, by_card(3, "r1.json"), config_for(dir, sim->port())), "server_error", "");
}

TEST(SubsidiesFaults, AGarbageAnswerIsToldAtOnce) {
  auto sim = start_sim({*kiosk::tools::parse_fault_rule("subsidies=malformed")});
  const fs::path dir = fresh_dir("subsidies_garbage");
  expect_told(run_kiosk_in(dir, by_card(3, "r1.json"), config_for(dir, sim->port())), "bad_response", "");
}

TEST(SubsidiesFaults, TheGatewaysOwnSentenceIsShownAsGiven) {
  // R4's mother, identified for herself, has no subsidy record: the gateway answers a
  // problem with its own plain sentence, which the resident reads word for word.
  const fs::path dir = fresh_dir("subsidies_problem");
  const KioskRun run = run_kiosk_in(dir, by_card(3, "mother.json"), config_for(dir, 0));
  expect_told(run, "not_found", "没有找到相关记录。请到人工窗口办理。");
  std::string captions;
  for (const auto& e : of_type(run, "caption")) captions += e.value("text", "");
  EXPECT_NE(captions.find("没有找到相关记录"), std::string::npos) << captions;
}

TEST(SubsidiesFaults, RepeatOnAPaymentReReadsThatPaymentOnly) {
  const fs::path dir = fresh_dir("subsidies_repeat");
  // R1: data_as_of, the living allowance heading, state, monthly, then the newest payment.
  const KioskRun run = run_kiosk_in(dir, by_card(3, "r1.json") + "key down\nkey down\nkey down\nkey down\nkey repeat\n",
                                    config_for(dir, 0));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  ASSERT_EQ(of_type(run, "focus").back().value("node", ""), "subsidy_status.living_allowance.payment.2026-02");
  const auto speech = of_type(run, "speech");
  ASSERT_GE(speech.size(), 2u);
  const std::string repeated = speech.back().value("text", "");
  EXPECT_EQ(repeated, speech[speech.size() - 2].value("text", ""));
  EXPECT_NE(repeated.find("2026年2月"), std::string::npos) << repeated;
  EXPECT_EQ(repeated.find("2026年1月"), std::string::npos) << repeated;   // the next payment is not read
  EXPECT_EQ(repeated.find("信息截至"), std::string::npos) << repeated;
}

TEST(SubsidiesFaults, ASlowGatewayStillBringsTheStatus) {
  // 1.5 s on the status route: the resident gets the answer, not an error (the "请稍候"
  // notice after 1 s runs on the Kiosk's clock and is tested in the core).
  auto sim = start_sim({*kiosk::tools::parse_fault_rule("subsidies=latency:1500")});
  const fs::path dir = fresh_dir("subsidies_slow");
  const KioskRun run = run_kiosk_in(dir, by_card(3, "r1.json"), config_for(dir, sim->port()));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto requests = of_type(run, "request");
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.back().value("status", 0), 200) << requests.back().dump();
  EXPECT_EQ(of_type(run, "focus").back().value("node", ""), "subsidy_status.data_as_of");
}
