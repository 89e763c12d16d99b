// SPDX-License-Identifier: GPL-3.0-or-later
// The gateway away, through the real kiosk over HTTPS (the gateway simulator in process):
// identity still answers, the devices look-up is reset: it fails at once with the way
// forward, and the resident can still apply: the application is stored in the outbox and
// its reference number told; it stays queued while the gateway refuses it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "journey.h"
#include "kiosk_run.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace kiosk::testing;   // the suites' support (kiosk_run.h, journey.h)

TEST(DevicesOffline, TheLookUpFailsAtOnceAndTheApplicationQueuesWithAReference) {
  auto fault = [](const std::string& text) { return kiosk::tools::parse_fault_rule(text).value(); };
  auto sim = start_sim({fault("assistive_devices=reset"), fault("assistive_device_application=reset")});
  const auto dir = fresh_dir("devices_offline");
  std::ofstream(dir / "r1.json") << card_json("赵大山", "141081196804120356");
  const std::string config = hall_config_in(
      dir, {{"services = ", R"(services = ["devices", "child_aid", "identity"])"}, http_backend_line(sim->port())});
  // The failed look-up; 申请新辅具 (after 再查一次: button 2); the wheelchair; confirm.
  const std::string script = by_card(1, "r1.json") + "key 2\nkey select\nkey select\nkey 1\nkey select\n";
  const KioskRun run = run_kiosk_in(dir, script, config);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(joined(run, "screen", "id"),
            "attract|home|identify|identify_factor|verify|devices|device_apply_choose|device_apply_summary|"
            "device_apply_receipt|");
  std::string failed;
  for (const auto& e : of_type(run, "request"))
    if (e.value("path", "") == "/v1/assistive-devices") failed = e.value("error", "");
  EXPECT_EQ(failed, "backend_unreachable");
  std::string captions;
  for (const auto& e : of_type(run, "caption")) captions += e.value("text", "") + "\n";
  EXPECT_NE(captions.find("您的受理号是demo-01-000001"), std::string::npos) << captions;
  std::string outbox;
  for (const auto& e : of_type(run, "outbox")) outbox += e.value("state", "") + " ";
  EXPECT_EQ(outbox.find("delivered"), std::string::npos) << outbox;
  EXPECT_NE(outbox.find("queued"), std::string::npos) << outbox;
  // The failed look-up's alert says the way forward at once.
  std::string alerts;
  for (const auto& e : of_type(run, "alert")) alerts += e.dump() + "\n";
  EXPECT_NE(alerts.find("backend_unreachable"), std::string::npos) << alerts;
}
