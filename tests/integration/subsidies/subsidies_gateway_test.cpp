// SPDX-License-Identifier: GPL-3.0-or-later
// The demo gateway's subsidy answers: both programmes always, every state and every stop
// reason of the domain somewhere among the demo residents, twelve months of payments for a
// paid case, the review chain with the time left, whether the resident may apply and why,
// and an application that a later visit finds further along.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>

#include "local_gateway_fixture.h"

namespace kb = kiosk::backend;
using nlohmann::json;

namespace {

class Subsidies : public kiosk::testing::LocalGatewayTest {
 protected:
  json subsidies(const std::string& ref) {
    auto answer = get("/v1/subjects/" + ref + "/subsidies");
    EXPECT_EQ(answer.status, 200) << ref;
    return answer.body;
  }
  json programme(const std::string& ref, const std::string& name) {
    const json body = subsidies(ref);   // kept alive: the loop reads into it
    for (const auto& c : body["entitlements"])
      if (c["programme"] == name) return c;
    return nullptr;
  }
  int apply(const std::string& ref, const std::string& programme_name) {
    return post("/v1/subsidy-applications",
                json{{"subject_ref", ref}, {"programme", programme_name}, {"applicant_role", "self"},
                     {"residence_basis", "hukou"}, {"consents", {"income_check"}}},
                "key-" + ref + programme_name)
        .status;
  }
};

TEST_F(Subsidies, EveryStateAndEveryStopReasonIsInTheDemoData) {
  std::ifstream in(std::string(KIOSK_DEMO_DIR) + "/residents.json");
  const json demo = json::parse(in);
  std::set<std::string> states, reasons;
  for (const auto& r : demo["residents"]) {
    const json body = subsidies(r["subject_ref"]);
    for (const auto& c : body["entitlements"]) {
      states.insert(c["status"]);
      if (c["stop_reason"].is_string()) reasons.insert(c["stop_reason"]);
    }
  }
  EXPECT_EQ(states, (std::set<std::string>{"not_applied", "submitted", "township_review", "county_dpf_review",
                                           "civil_affairs_decision", "public_notice", "approved", "active",
                                           "suspended", "stopped", "rejected"}));
  EXPECT_EQ(reasons, (std::set<std::string>{"deceased", "declared_missing", "hukou_moved_out", "imprisoned",
                                            "fraud", "review_failed", "review_missed", "voluntary",
                                            "cert_expired", "cert_cancelled"}));
}

TEST_F(Subsidies, BothProgrammesAnswerAndAPaidCaseHasTwelveMonths) {
  const json body = subsidies("sub_4c1f0a7e92d3");   // R1
  ASSERT_EQ(body["entitlements"].size(), 2u);
  EXPECT_FALSE(body["data_as_of"].get<std::string>().empty());
  const json living = programme("sub_4c1f0a7e92d3", "living_allowance");
  EXPECT_EQ(living["status"], "active");
  ASSERT_EQ(living["payments"].size(), 12u);
  EXPECT_EQ(living["payments"][0]["period"], "2026-02");
  EXPECT_EQ(living["payments"][11]["period"], "2025-03");
  EXPECT_EQ(living["payments"][0]["account_masked"], "****6789");
  EXPECT_EQ(living["paying_office"], "侯马市民政局");
  EXPECT_FALSE(living["review_brings"].empty());
  EXPECT_FALSE(living["may_apply"].get<bool>());
  EXPECT_EQ(living["apply_reasons"][0]["code"], "case_open");
}

TEST_F(Subsidies, ACaseInReviewSaysWhereItIsAndHowLongItTypicallyTakes) {
  const json care = programme("sub_9b27e5d04a61", "care_allowance");   // R2
  EXPECT_EQ(care["status"], "county_dpf_review");
  EXPECT_EQ(care["review_chain"]["stage"], "county_dpf_review");
  EXPECT_EQ(care["review_chain"]["stages"].size(), 3u);
  EXPECT_EQ(care["review_chain"]["typical_working_days_left"], 10 + 15 + 7);
}

TEST_F(Subsidies, TheGatewayGivesItsReasonsForWhoMayApply) {
  // R1 is not on the care allowance: grade 3 physical in Houma is not eligible.
  const json care = programme("sub_4c1f0a7e92d3", "care_allowance");
  EXPECT_EQ(care["status"], "not_applied");
  EXPECT_FALSE(care["may_apply"].get<bool>());
  EXPECT_EQ(care["apply_reasons"][0]["code"], "grade_not_eligible");
  EXPECT_FALSE(care["apply_reasons"][0]["text"].get<std::string>().empty());
  // R4 (a child, hearing grade 1) may apply for the care allowance.
  const json child = programme("sub_7a05c9e1b84d", "care_allowance");
  EXPECT_TRUE(child["may_apply"].get<bool>());
  EXPECT_EQ(child["apply_reasons"][0]["code"], "grade_1_2");
  // A stop for a reason the resident can mend (review failed) opens a new application.
  const json s6 = programme("sub_s6f5b8dae056", "living_allowance");
  EXPECT_EQ(s6["stop_reason"], "review_failed");
  EXPECT_TRUE(s6["may_apply"].get<bool>());
  // No valid certificate: nothing to apply for until the certificate is renewed.
  const json s7 = programme("sub_s7a6c9ebf167", "care_allowance");
  EXPECT_EQ(s7["status"], "rejected");
  EXPECT_EQ(s7["apply_reasons"][0]["code"], "no_valid_certificate");
  // A suspension is lifted, not applied for again; a stop for fraud goes to the counter.
  EXPECT_EQ(programme("sub_s4d3f6b8ca34", "living_allowance")["apply_reasons"][0]["code"], "case_suspended");
  EXPECT_EQ(programme("sub_s5e4a7c9db45", "care_allowance")["apply_reasons"][0]["code"], "stopped_needs_counter");
}

TEST_F(Subsidies, AnApplicationMovesAlongTheChainWhenTheGatewayAdvancesIt) {
  m_gw->set_case_step_ms(60'000);
  ASSERT_EQ(apply("sub_7a05c9e1b84d", "care_allowance"), 202);
  json care = programme("sub_7a05c9e1b84d", "care_allowance");
  EXPECT_EQ(care["status"], "submitted");
  EXPECT_FALSE(care["case_id"].get<std::string>().empty());
  EXPECT_EQ(care["routed_to"], "640324");
  m_now += 2 * 60'000;
  EXPECT_EQ(programme("sub_7a05c9e1b84d", "care_allowance")["status"], "county_dpf_review");
  m_now += 10 * 60'000;
  care = programme("sub_7a05c9e1b84d", "care_allowance");
  EXPECT_EQ(care["status"], "approved");
  EXPECT_FALSE(care.contains("review_chain"));
}

TEST_F(Subsidies, WithoutAdvancingAnApplicationStaysSubmitted) {
  ASSERT_EQ(apply("sub_7a05c9e1b84d", "care_allowance"), 202);
  m_now += 24 * 3600'000LL;
  EXPECT_EQ(programme("sub_7a05c9e1b84d", "care_allowance")["status"], "submitted");
}

}  // namespace
