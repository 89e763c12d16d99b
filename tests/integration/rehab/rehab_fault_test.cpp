// SPDX-License-Identifier: GPL-3.0-or-later
// The slot search when the gateway is gone (the simulator over HTTPS resets the slot
// search's connection): told at once, with the way forward and a retry, never a wait; and
// a slot the simulator books behind the resident's back between search and hold.
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
  return hall_config_in(dir, {{"services = ", "services = [\"rehab\", \"identity\"]"}, http_backend_line(port)});
}

// R1 by card and the demo SMS code, then 我的康复计划 → 预约 → search.
constexpr const char* kToSearch =
    "key select\nkey 1\nkey select\ncard r1.json\nkey select\nkey 1\nkey 3\nkey 5\nkey 7\nkey 9\nkey 0\nkey select\n"
    "key 1\nkey select\nkey 1\nkey select\nkey 7\nkey select\n";

}  // namespace

TEST(RehabFaults, AGatewayGoneDuringTheSearchIsToldAtOnceWithTheWayForward) {
  auto sim = start_sim({*kiosk::tools::parse_fault_rule("rehab_slots=reset")});
  const fs::path dir = fresh_dir("rehab-search-down");
  const KioskRun run = run_kiosk_in(dir, std::string(kToSearch) + "screenshot search_down\nkey down\nkey down\n", config_for(dir, sim->port()));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto requests = of_type(run, "request");
  ASSERT_FALSE(requests.empty());
  const auto& search = requests.back();
  EXPECT_EQ(search.value("path", ""), "/v1/rehab/slots");
  EXPECT_FALSE(search.value("error", "").empty()) << search.dump();
  // Told at once: the alert comes at the same virtual time as the search, before any
  // "please wait", and the screen offers a retry and the way out.
  const auto alerts = of_type(run, "alert");
  ASSERT_FALSE(alerts.empty());
  EXPECT_EQ(alerts.back().value("t", -1), search.value("t", -2));
  EXPECT_EQ(alerts.back().value("code", ""), search.value("error", ""));
  EXPECT_NE(alerts.back().value("text", "").find("人工窗口"), std::string::npos);   // the way forward
  for (const auto& e : alerts) EXPECT_NE(e.value("code", ""), "please_wait");
  EXPECT_EQ(of_type(run, "screen").back().value("id", ""), "booking_place");
  std::string focus;
  for (const auto& e : of_type(run, "focus")) focus += e.value("node", "") + "|";
  EXPECT_NE(focus.find("booking_place.retry|booking_place.needs|booking_place.leave|"), std::string::npos) << focus;
  std::string captions;
  for (const auto& e : of_type(run, "caption")) captions += e.value("text", "");
  EXPECT_NE(captions.find("再查一次"), std::string::npos);
  EXPECT_NE(captions.find("不预约了，返回"), std::string::npos);
}

TEST(RehabFaults, ASlotTheGatewayBooksBetweenSearchAndHoldIsToldWithTheNextTimes) {
  auto sim = start_sim({*kiosk::tools::parse_fault_rule("rehab_hold=taken")});
  const fs::path dir = fresh_dir("rehab-taken-sim");
  const KioskRun run = run_kiosk_in(dir, std::string(kToSearch) + "key 1\nkey select\nkey 1\nkey select\nkey 1\nkey select\n",
                                    config_for(dir, sim->port()));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::string statuses;
  for (const auto& e : of_type(run, "request")) statuses += e.value("path", "") + " " + std::to_string(e.value("status", 0)) + "|";
  EXPECT_NE(statuses.find("/v1/rehab/holds 409|/v1/rehab/slots 200|"), std::string::npos) << statuses;
  std::string alerts;
  for (const auto& e : of_type(run, "alert")) alerts += e.value("code", "") + "|";
  EXPECT_NE(alerts.find("slot_taken|"), std::string::npos) << alerts;
  EXPECT_EQ(of_type(run, "screen").back().value("id", ""), "booking_time");
}
