// SPDX-License-Identifier: GPL-3.0-or-later
// Every simulator fault mode ends in a clear error code within the timeout, with no hang,
// and applications survive faults and are applied exactly once.
#include <gtest/gtest.h>

#include <chrono>
#include <optional>

#include "test_support.h"

namespace kb = kiosk::backend;
namespace rq = kiosk::backend::requests;
using kiosk::testing::call_sync;
using kiosk::testing::pump_until;

namespace {

struct FaultCase {
  const char* rule;
  kb::ApiRequest request;
  kb::ErrorCode expected;
};

class Faults : public ::testing::TestWithParam<int> {};

std::vector<FaultCase> cases() {
  return {
      {"config_version=500", rq::config_version(), kb::ErrorCode::ServerError},
      {"config_version=reset", rq::config_version(), kb::ErrorCode::BackendUnreachable},
      {"config_version=malformed", rq::config_version(), kb::ErrorCode::BadResponse},
      {"config_version=truncate", rq::config_version(), kb::ErrorCode::BadResponse},
      {"config_version=slow:400", rq::config_version(), kb::ErrorCode::Timeout},
      {"config_version=latency:5000", rq::config_version(), kb::ErrorCode::Timeout},
      {"staff_call=500", rq::staff_call("help", {}, "home"), kb::ErrorCode::ServerError},
      {"staff_call=reset", rq::staff_call("help", {}, "home"), kb::ErrorCode::BackendUnreachable},
      {"staff_call=malformed", rq::staff_call("help", {}, "home"), kb::ErrorCode::BadResponse},
      {"staff_call=truncate", rq::staff_call("help", {}, "home"), kb::ErrorCode::BadResponse},
      {"staff_call=slow:400", rq::staff_call("help", {}, "home"), kb::ErrorCode::Timeout},
      {"staff_call=latency:5000", rq::staff_call("help", {}, "home"), kb::ErrorCode::Timeout},
  };
}

TEST_P(Faults, GiveAClearErrorWithinTheTimeout) {
  const auto fc = cases().at(static_cast<size_t>(GetParam()));
  auto rule = kiosk::tools::parse_fault_rule(fc.rule);
  ASSERT_TRUE(rule.ok());
  auto sim = kiosk::testing::start_sim({rule.value()});
  auto c = kiosk::testing::http_config(sim->port(), kiosk::testing::make_temp_dir("fault"));
  c.connect_timeout_ms = 1000;
  c.total_timeout_ms = 2000;
  c.max_retries = 1;
  auto api = kb::make_federation_api(c, {});
  ASSERT_TRUE(api.ok());
  const auto t0 = std::chrono::steady_clock::now();
  auto r = call_sync(*api.value(), fc.request);
  const auto took = std::chrono::steady_clock::now() - t0;
  ASSERT_FALSE(r.ok()) << fc.rule;
  EXPECT_EQ(r.error().code, fc.expected) << fc.rule << ": " << r.error().detail;
  EXPECT_FALSE(r.error().accessible_message.empty());
  // Budget: (1 + retries) attempts of total_timeout_ms plus back-off; generous for a loaded CI.
  EXPECT_LT(took, std::chrono::milliseconds(2 * 2000 + 3000)) << fc.rule;
  api.value()->shutdown();
  sim->stop();
}

INSTANTIATE_TEST_SUITE_P(EveryMode, Faults, ::testing::Range(0, 12));

TEST(Unreachable, LiveCallsFailAtOnceAndApplicationsQueue) {
  auto dir = kiosk::testing::make_temp_dir("down");
  auto c = kiosk::testing::http_config(1, dir);  // nothing listens on port 1
  auto api = kb::make_federation_api(c, {});
  ASSERT_TRUE(api.ok());
  auto r = call_sync(*api.value(), rq::rehab_hold("slot_00001", "sub_4c1f0a7e92d3"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, kb::ErrorCode::BackendUnreachable);
  EXPECT_EQ(r.error().next_step, kb::NextStep::GoToWindow);

  std::optional<kb::Result<kb::SubmitReceipt>> receipt;
  api.value()->submit({kb::Endpoint::ServiceApplication, {}, {},
                       {{"subject_ref", "sub_e6a90d3c7b15"}, {"service", "complaint"}}},
                      [&](kb::Result<kb::SubmitReceipt> x) { receipt = std::move(x); });
  ASSERT_TRUE(pump_until(*api.value(), [&] { return receipt.has_value(); }));
  ASSERT_TRUE(receipt->ok());
  ASSERT_TRUE(pump_until(*api.value(), [&] {
    auto v = api.value()->outbox_items().value();
    return v.size() == 1 && v[0].attempts >= 1;
  }));
  auto v = api.value()->outbox_items().value()[0];
  EXPECT_EQ(v.state, kb::OutboxState::Queued);
  EXPECT_EQ(v.reason, "backend_unreachable");
}

TEST(OutboxDelivery, ServerErrorsAndTimeoutsEndInExactlyOneApplication) {
  std::vector<kiosk::tools::FaultRule> rules;
  for (const char* t : {"subsidy_application=500x2", "subsidy_application=latency:2500x1",
                        "subsidy_application=resetx1"})
    rules.push_back(kiosk::tools::parse_fault_rule(t).value());
  auto sim = kiosk::testing::start_sim(rules);
  auto c = kiosk::testing::http_config(sim->port(), kiosk::testing::make_temp_dir("deliv"));
  c.total_timeout_ms = 1000;
  auto api = kb::make_federation_api(c, {});
  ASSERT_TRUE(api.ok());
  std::optional<kb::Result<kb::SubmitReceipt>> receipt;
  api.value()->submit({kb::Endpoint::SubsidyApplication, {}, {},
                       {{"subject_ref", "sub_9b27e5d04a61"}, {"programme", "care_allowance"},
                        {"applicant_role", "agent"}, {"residence_basis", "hukou"},
                        {"consents", {"income_check"}}}},
                      [&](kb::Result<kb::SubmitReceipt> x) { receipt = std::move(x); });
  ASSERT_TRUE(pump_until(*api.value(), [&] {
    auto v = api.value()->outbox_items().value();
    return v.size() == 1 && v[0].state == kb::OutboxState::Delivered;
  }));
  const auto applied = sim->applied_applications()["applications"];
  ASSERT_EQ(applied.size(), 1u) << applied.dump();
  EXPECT_EQ(applied[0]["client_reference"], receipt->value().ref);
  EXPECT_GE(api.value()->outbox_items().value()[0].attempts, 3);
}

}  // namespace
