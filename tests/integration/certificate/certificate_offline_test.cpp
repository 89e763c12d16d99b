// SPDX-License-Identifier: GPL-3.0-or-later
// The gateway fails just as the application is sent: the real kiosk over HTTPS with mutual
// TLS to the gateway simulator, whose certificate-application route resets every
// connection. The status was live and worked; the application is stored in the outbox, the
// resident leaves with the reference number, and the outbox keeps it queued for later.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "journey.h"
#include "kiosk_run.h"
#include "test_support.h"
#include "tools/gateway_sim/gateway_sim.h"

namespace kt = kiosk::testing;

TEST(CertificateOffline, TheBackendDownDuringSubmitQueuesTheApplicationWithAReference) {
  auto fault = kiosk::tools::parse_fault_rule("certificate_application=reset");
  ASSERT_TRUE(fault.ok());
  auto sim = kt::start_sim({fault.value()});
  const auto dir = kt::fresh_dir("certificate_offline");
  const std::string backend = "kind = \"http\"\nbase_url = \"https://127.0.0.1:" + std::to_string(sim->port()) +
                              "\"\nca_file = \"" + kt::cert_dir() + "/ca.pem\"\nclient_cert = \"" + kt::cert_dir() +
                              "/client.pem\"\nclient_key = \"" + kt::cert_dir() + "/client.key\"";
  const std::string config = kt::hall_config_in(dir, {{"services = ", R"(services = ["certificate", "identity"])"},
                                                      {"deployment = ", "deployment = \"zhangdian\""},
                                                      {"kind = ", backend}});
  std::ofstream(dir / "r6.json") << kt::card_json("杨春燕", "640324199205210288");
  // R6 by keypad, confirmed by a member of staff; renewal with her hukou here (no consent
  // step), the four documents, pick-up, submit.
  std::string script = "headphones in\nkey 1\nkey select\ncard r6.json\nkey down\nkey select\n";
  script += "key 0\nkey 1\nkey 0\nkey 1\nkey select\nkey 2\nkey 4\nkey 6\nkey 8\nkey select\n";
  script += kt::repeat("key down\n", 6) + "key select\n";          // renew
  script += "key down\nkey select\n";                          // hukou here
  script += kt::repeat("key down\nkey down\nkey select\n", 3);     // three documents
  script += "key down\nkey down\nkey select\n";               // options: pickup (focused), mail, next
  script += "key select\n";                                    // summary: submit
  const kt::KioskRun run = kt::run_kiosk_in(dir, script, config);
  sim->stop();
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const std::string screens = kt::joined(run, "screen", "id");
  EXPECT_NE(screens.find("certificate|certificate_apply_basis|certificate_apply_documents|certificate_apply_options|"
                         "certificate_apply_summary|certificate_apply_receipt|"),
            std::string::npos)
      << screens;
  std::string reference;
  for (const auto& e : kt::of_type(run, "focus"))
    if (e.value("node", "") == "certificate_apply_receipt.reference") reference = e.value("name", "");
  EXPECT_NE(reference.find("受理号是demo-01-"), std::string::npos) << reference;
  // Stored, not delivered: the outbox reports it queued, never delivered, in this run.
  bool queued = false, delivered = false;
  for (const auto& e : kt::of_type(run, "outbox")) {
    queued = queued || e.value("state", "") == "queued";
    delivered = delivered || e.value("state", "") == "delivered";
  }
  EXPECT_TRUE(queued);
  EXPECT_FALSE(delivered);
  // The live status went through the same gateway.
  bool status = false;
  for (const auto& e : kt::of_type(run, "request"))
    status = status || (e.value("kind", "") == "live" && e.value("status", 0) == 200 &&
                        e.value("path", "").find("/certificate") != std::string::npos);
  EXPECT_TRUE(status);
}
