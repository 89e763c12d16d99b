// SPDX-License-Identifier: GPL-3.0-or-later
// The demo gateway's certificate answers and the hold of the slot flow.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>

#include "local_gateway_fixture.h"

namespace kb = kiosk::backend;
using nlohmann::json;

namespace {

class Certificate : public kiosk::testing::LocalGatewayTest {
 protected:
  kb::GatewayResponse apply(const std::string& ref, const std::string& type, const json& extra = json::object()) {
    json body{{"subject_ref", ref}, {"type", type}, {"applicant_role", "self"}, {"residence_basis", "hukou"},
              {"attachments", json::array()}, {"home_visit_requested", false}, {"consents", json::array()}};
    body.update(extra);
    return post("/v1/certificate-applications", body);
  }
  std::string first_free_slot(const std::string& code) {
    auto found = get("/v1/rehab/slots", {{"service_code", code}});
    for (const auto& s : found.body["slots"])
      if (s["status"] == "free") return s["slot_id"];
    return {};
  }
};

TEST_F(Certificate, EveryCardStateTransactionAndCaseStateIsInTheDemoData) {
  std::ifstream in(std::string(KIOSK_DEMO_DIR) + "/residents.json");
  const json demo = json::parse(in);
  std::set<std::string> cards, types, states;
  for (const auto& r : demo["residents"]) {
    const auto answer = get("/v1/subjects/" + r["subject_ref"].get<std::string>() + "/certificate");
    ASSERT_EQ(answer.status, 200);
    if (answer.body["certificate"].is_object()) cards.insert(answer.body["certificate"]["state"]);
    for (const auto& a : answer.body["applications"]) {
      types.insert(a["type"]);
      states.insert(a["status"]);
    }
  }
  EXPECT_EQ(cards, (std::set<std::string>{"valid", "expiring", "expired", "lost", "cancelled"}));
  EXPECT_EQ(types, (std::set<std::string>{"new", "renew", "replace_lost", "replace_damaged", "transfer",
                                          "cancel", "reclassify"}));
  EXPECT_EQ(states, (std::set<std::string>{"draft", "submitted", "accepted", "assessment_booked", "assessed",
                                           "public_notice", "county_review", "approved", "printing",
                                           "ready_for_pickup", "mailed", "issued", "intake_rejected",
                                           "not_meeting_standard", "appeal_window", "appeal_city",
                                           "appeal_province_final"}));
}

TEST_F(Certificate, ACardNearItsExpiryIsExpiringAndTheNumberIsMasked) {
  const auto s1 = get("/v1/subjects/sub_s1a0c3e5f701/certificate").body["certificate"];
  EXPECT_EQ(s1["state"], "expiring");
  EXPECT_EQ(s1["number_masked"], "141081**********1942");
  EXPECT_FALSE(s1.contains("number"));
}

TEST_F(Certificate, TheFederationsRulesComeBackAsRefusalsWithTheWayForward) {
  auto cancelled = apply("sub_s7a6c9ebf167", "new", {{"assessment_appointment_id", "AP-1"}});
  EXPECT_EQ(cancelled.status, 409);
  EXPECT_EQ(cancelled.body["code"], "cancelled_within_year");
  EXPECT_EQ(cancelled.body["next_step"], "go_to_window");
  EXPECT_EQ(apply("sub_4c1f0a7e92d3", "new", {{"assessment_appointment_id", "AP-1"}}).body["code"],
            "already_certified");
  auto unbooked = apply("sub_2e8d61c3f5b0", "new");   // R3 has no certificate yet
  EXPECT_EQ(unbooked.status, 422);
  EXPECT_EQ(unbooked.body["code"], "assessment_required");
  EXPECT_EQ(apply("sub_2e8d61c3f5b0", "new", {{"assessment_appointment_id", "AP-1"}}).status, 202);
  // R3's first application was turned back at intake; this one is on its way, so a third
  // is refused.
  auto again = apply("sub_2e8d61c3f5b0", "new", {{"assessment_appointment_id", "AP-2"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body["code"], "application_open");
}

TEST_F(Certificate, AHomeAssessmentRequestStandsInForABooking) {
  auto at_home = apply("sub_c3d4e85f1a29", "reclassify", {{"home_visit_requested", true}, {"applicant_role", "guardian"}});
  EXPECT_EQ(at_home.status, 202);
  EXPECT_EQ(apply("sub_c3d4e85f1a29", "reclassify").body["code"], "assessment_required");
}

TEST_F(Certificate, TheStatusSaysTheHukouCountyForCrossProvinceRouting) {
  EXPECT_EQ(get("/v1/subjects/sub_58f1b2a6d07c/certificate").body["hukou_region"], "640324");   // R6
}

TEST_F(Certificate, ACaseIsFoundByTheDigitsTypedOnAKeypadAmongTheResidentsOwn) {
  const auto by = [&](const std::string& id, const std::string& subject) {
    return get("/v1/certificate-applications/" + id, {{"subject_ref", subject}});
  };
  const std::string r6 = "sub_58f1b2a6d07c";
  EXPECT_EQ(by("CA-2026-000102", r6).body["application_id"], "CA-2026-000102");
  EXPECT_EQ(by("2026000102", r6).body["application_id"], "CA-2026-000102");   // all its digits
  EXPECT_EQ(by("000102", r6).body["application_id"], "CA-2026-000102");       // the last run
  EXPECT_EQ(by("000103", r6).status, 404);
  // Someone else's case is not found by another resident, even by its full number.
  EXPECT_EQ(by("CA-2026-000203", r6).status, 404);
  // The kiosk's own reference (client_reference) finds a case it made.
  json body{{"subject_ref", r6}, {"type", "renew"}, {"applicant_role", "self"}, {"residence_basis", "hukou"},
            {"attachments", json::array()}, {"home_visit_requested", false}, {"consents", json::array()},
            {"client_reference", "demo-01-000042"}};
  const std::string made = post("/v1/certificate-applications", body).body["application_id"];
  EXPECT_EQ(by("demo-01-000042", r6).body["application_id"], made);
  EXPECT_EQ(by("000042", r6).body["application_id"], made);
  // Without a subject, only the exact application number (as before).
  EXPECT_EQ(get("/v1/certificate-applications/CA-2026-000203").status, 200);
  EXPECT_EQ(get("/v1/certificate-applications/000203").status, 404);
}

TEST_F(Certificate, ACaseMovesAlongItsChainWhenTheGatewayAdvancesTime) {
  m_gw->set_case_step_ms(60'000);
  auto made = apply("sub_4c1f0a7e92d3", "renew");
  ASSERT_EQ(made.status, 202);
  const std::string id = made.body["application_id"];
  EXPECT_EQ(get("/v1/certificate-applications/" + id).body["status"], "submitted");
  m_now += 3 * 60'000;
  auto later = get("/v1/certificate-applications/" + id).body;
  EXPECT_EQ(later["status"], "approved");
  EXPECT_EQ(later["timeline"].size(), 4u);
  m_now += 60 * 60'000;
  EXPECT_EQ(get("/v1/certificate-applications/" + id).body["status"], "issued");
}

TEST_F(Certificate, SlotsCoverTwoWeeksAndNeedsFilterTheInstitutions) {
  std::set<std::string> days;
  auto all = get("/v1/rehab/slots", {{"service_code", "disability_assessment_4"},
                                     {"from", "2026-03-09T00:00:00+08:00"}, {"to", "2026-03-23T00:00:00+08:00"}});
  for (const auto& s : all.body["slots"]) days.insert(s["start"].get<std::string>().substr(0, 10));
  EXPECT_GE(days.size(), 6u);   // at most 50 slots a page: the first days of the ten
  auto signing = get("/v1/rehab/slots", {{"service_code", "disability_assessment_4"}, {"needs", "sign_language"}});
  ASSERT_FALSE(signing.body["slots"].empty());
  for (const auto& s : signing.body["slots"]) EXPECT_NE(s["org"], "侯马市残疾人康复中心x");
}

TEST_F(Certificate, AHoldIsExtendedOnceAndThenExpires) {
  const std::string slot = first_free_slot("disability_assessment_4");
  auto hold = post("/v1/rehab/holds", {{"slot_id", slot}, {"subject_ref", "sub_2e8d61c3f5b0"}});
  ASSERT_EQ(hold.status, 201);
  const std::string id = hold.body["hold_id"];
  m_now += 9 * 60'000;
  auto extended = post("/v1/rehab/holds/" + id + "/extend", json::object());
  EXPECT_EQ(extended.status, 200);
  m_now += 9 * 60'000;   // 18 minutes after the hold: alive only thanks to the extension
  EXPECT_EQ(post("/v1/rehab/holds/" + id + "/extend", json::object()).body["code"], "hold_extend_used");
  m_now += 2 * 60'000;
  EXPECT_EQ(post("/v1/rehab/holds/" + id + "/extend", json::object()).body["code"], "hold_expired");
}

TEST_F(Certificate, ASlotTakenBetweenSearchAndHoldIsToldPlainly) {
  const std::string slot = first_free_slot("disability_assessment_4");
  m_gw->take_slot(slot);
  auto hold = post("/v1/rehab/holds", {{"slot_id", slot}, {"subject_ref", "sub_2e8d61c3f5b0"}});
  EXPECT_EQ(hold.status, 409);
  EXPECT_EQ(hold.body["code"], "slot_taken");
  EXPECT_FALSE(hold.body["accessible_message"].get<std::string>().empty());
}

}  // namespace
