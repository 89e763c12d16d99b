// SPDX-License-Identifier: GPL-3.0-or-later
// A staff call is the kiosk's one live request that needs no identity: it goes from the
// resident's key through the core's Request effect, the app's translation, a real backend
// and back through Kiosk::reply to an alert in every channel. Run against the embedded
// backend and against the gateway simulator over HTTPS (mutual TLS), with the answers a
// hall's network gives: a 5xx, a garbage body, nobody listening.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "journey.h"
#include "kiosk_run.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace kiosk::testing;   // the suites' support (kiosk_run.h, journey.h)

namespace {

constexpr const char* kCallStaff = "key select\nkey call-staff\n";

// The hall's config with its outbox in DIR and, for port > 0, the http backend on it.
std::string config_for(const fs::path& dir, int port) {
  if (port == 0) return hall_config_in(dir);
  return hall_config_in(dir, {http_backend_line(port)});
}

// The one request event of the run (a staff call).
nlohmann::json only_request(const KioskRun& run) {
  const auto requests = of_type(run, "request");
  EXPECT_EQ(requests.size(), 1u);
  return requests.empty() ? nlohmann::json::object() : requests.front();
}

void expect_answered(const KioskRun& run) {
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto request = only_request(run);
  EXPECT_EQ(request.value("kind", ""), "live");
  EXPECT_EQ(request.value("path", ""), "/v1/staff-calls");
  EXPECT_EQ(request.value("status", 0), 201);
  EXPECT_FALSE(request.contains("error"));
  EXPECT_EQ(values_of(run, "alert", "code"), (std::vector<std::string>{"staff_call_sending", "staff_call_ok"}));
}

// The failure reaches the resident as the last thing said, whatever the cause.
void expect_failed(const KioskRun& run, const std::string& error) {
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto request = only_request(run);
  EXPECT_EQ(request.value("kind", ""), "live");
  EXPECT_EQ(request.value("error", ""), error);
  EXPECT_EQ(values_of(run, "alert", "code"), (std::vector<std::string>{"staff_call_sending", "staff_call_failed"}));
  const auto speech = of_type(run, "speech");
  ASSERT_FALSE(speech.empty());
  EXPECT_NE(speech.back().value("text", "").find("现在无法联系工作人员"), std::string::npos) << speech.back().dump();
}

}  // namespace

TEST(RequestRoundTrip, TheEmbeddedBackendAnswersAStaffCall) {
  const fs::path dir = fresh_dir("rt-local");
  expect_answered(run_kiosk_in(dir, kCallStaff, config_for(dir, 0)));
}

TEST(RequestRoundTrip, TheGatewayAnswersAStaffCallOverMutualTls) {
  auto sim = start_sim();
  const fs::path dir = fresh_dir("rt-http");
  expect_answered(run_kiosk_in(dir, kCallStaff, config_for(dir, sim->port())));
}

TEST(RequestRoundTrip, AServerErrorIsToldAsAFailedCall) {
  auto sim = start_sim({*kiosk::tools::parse_fault_rule("staff_call=500")});
  const fs::path dir = fresh_dir("rt-500");
  expect_failed(run_kiosk_in(dir, kCallStaff, config_for(dir, sim->port())), "server_error");
}

TEST(RequestRoundTrip, AGarbageAnswerIsToldAsAFailedCall) {
  auto sim = start_sim({*kiosk::tools::parse_fault_rule("staff_call=malformed")});
  const fs::path dir = fresh_dir("rt-garbage");
  expect_failed(run_kiosk_in(dir, kCallStaff, config_for(dir, sim->port())), "bad_response");
}

TEST(RequestRoundTrip, AGatewayThatIsDownIsToldAsAFailedCall) {
  auto sim = start_sim();
  const int port = sim->port();
  sim->stop();   // nobody listens on the port any more
  const fs::path dir = fresh_dir("rt-down");
  expect_failed(run_kiosk_in(dir, kCallStaff, config_for(dir, port)), "backend_unreachable");
}
