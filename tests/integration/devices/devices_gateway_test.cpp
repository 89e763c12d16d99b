// SPDX-License-Identifier: GPL-3.0-or-later
// The demo gateway's assistive-device and children's-aid answers: every device state and
// every case state somewhere in the demo data, R1's wheelchair due for replacement, R2's
// white cane refused within its life with the date a new one is possible (on the status
// and on an application), a repair only of a device held, the county whose rules apply
// for a child (hukou, or the residence permit's), and the designated institutions.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>

#include "local_gateway_fixture.h"

namespace kb = kiosk::backend;
using nlohmann::json;

namespace {

constexpr const char* kR1 = "sub_4c1f0a7e92d3";
constexpr const char* kR2 = "sub_9b27e5d04a61";
constexpr const char* kR4 = "sub_7a05c9e1b84d";
constexpr const char* kC5 = "sub_c5e2c4b6d8fa";

class RehabAid : public kiosk::testing::LocalGatewayTest {
 protected:
  void SetUp() override {
    LocalGatewayTest::SetUp();
    std::ifstream in(std::string(KIOSK_DEMO_DIR) + "/residents.json");
    m_demo = json::parse(in);
  }
  json devices(const std::string& ref) {
    auto answer = get("/v1/assistive-devices", {{"subject_ref", ref}});
    EXPECT_EQ(answer.status, 200) << ref;
    return answer.body;
  }
  kb::GatewayResponse apply(const std::string& ref, const std::string& code, const std::string& type) {
    return post("/v1/assistive-device-applications",
                json{{"subject_ref", ref}, {"device_code", code}, {"request_type", type}, {"applicant_role", "self"}},
                "key-" + ref + code + type);
  }
  static json verdict(const json& body, const std::string& code) {
    for (const auto& v : body["eligibility"])
      if (v["code"] == code) return v;
    return nullptr;
  }

  json m_demo;
};

}  // namespace

TEST_F(RehabAid, TheCatalogueAloneStillAnswersWithoutASubject) {
  const auto answer = get("/v1/assistive-devices");
  ASSERT_EQ(answer.status, 200);
  EXPECT_EQ(answer.body["devices"].size(), 6u);
  EXPECT_FALSE(answer.body.contains("held"));
}

TEST_F(RehabAid, EveryDeviceStateIsInTheDemoData) {
  std::set<std::string> states;
  std::vector<std::string> refs;
  for (const auto& r : m_demo["residents"]) refs.push_back(r["subject_ref"]);
  for (const auto& ref : refs) {
    const json body = devices(ref);   // kept alive: the loop reads into it
    for (const auto& a : body["applications"]) states.insert(a["status"]);
  }
  EXPECT_EQ(states, (std::set<std::string>{"applied", "village_review", "township_review", "assessment_booked", "assessed",
                                           "county_approved", "fitting", "delivered", "follow_up", "closed", "returned"}));
}

TEST_F(RehabAid, R1sWheelchairIsDueForReplacement) {
  const json body = devices(kR1);
  ASSERT_EQ(body["held"].size(), 1u);
  EXPECT_EQ(body["held"][0]["code"], "wheelchair_standard");
  EXPECT_EQ(body["held"][0]["replace_from"], "2026-02-15");
  EXPECT_EQ(verdict(body, "wheelchair_standard")["may_apply"], true);
  EXPECT_EQ(apply(kR1, "wheelchair_standard", "new").status, 202);
  EXPECT_EQ(apply(kR1, "wheelchair_standard", "repair").status, 202);
  // Both are on the next look, applied.
  const json after = devices(kR1);
  ASSERT_EQ(after["applications"].size(), 3u);
  EXPECT_EQ(after["applications"][1]["status"], "applied");
  EXPECT_EQ(after["applications"][2]["request_type"], "repair");
}

TEST_F(RehabAid, R2sWhiteCaneIsRefusedWithinItsLifeWithTheDate) {
  const json v = verdict(devices(kR2), "white_cane");
  EXPECT_EQ(v["may_apply"], false);
  EXPECT_EQ(v["not_before"], "2026-09-20");
  EXPECT_NE(v["message"].get<std::string>().find("2026年9月20日"), std::string::npos);
  const auto refused = apply(kR2, "white_cane", "new");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.body["code"], "within_service_life");
  EXPECT_EQ(refused.body["not_before"], "2026-09-20");
  EXPECT_EQ(apply(kR2, "white_cane", "repair").status, 202);
  EXPECT_EQ(apply(kR2, "walker", "repair").status, 409);   // not held
  EXPECT_EQ(apply(kR2, "rocket", "new").status, 422);
}

TEST_F(RehabAid, EveryChildCaseStateAndTheCountyWhoseRulesApply) {
  std::set<std::string> states;
  std::vector<std::string> refs{kR4};
  for (const auto& c : m_demo["rehab_aid"]["children"]) refs.push_back(c["subject_ref"]);
  for (const auto& ref : refs) {
    const auto answer = get("/v1/subjects/" + ref + "/child-rehab-aid");
    ASSERT_EQ(answer.status, 200) << ref;
    for (const auto& c : answer.body["cases"]) states.insert(c["status"]);
  }
  EXPECT_EQ(states, (std::set<std::string>{"applied", "county_review", "approved", "institution_chosen", "in_service",
                                           "annual_review", "aged_out", "closed"}));
  // C5: hukou in Tongxin, lives in Zhangdian: the gateway names Zhangdian (residence permit).
  const auto c5 = get(std::string("/v1/subjects/") + kC5 + "/child-rehab-aid");
  EXPECT_EQ(c5.body["rules_region"], "370303");
  EXPECT_EQ(c5.body["basis"], "residence_permit");
  EXPECT_EQ(c5.body["birth_date"], "2017-09-01");
}

TEST_F(RehabAid, AGuardiansApplicationJoinsTheCasesAndInstitutionsAreListed) {
  const std::string path = "/v1/child-rehab-aid-applications";
  EXPECT_EQ(post(path, {{"subject_ref", kR4}, {"programme", "home"}, {"org_id", "org_640324_home"}, {"applicant_role", "guardian"}},
                 "key-r4-home")
                .status,
            202);
  const auto answer = get(std::string("/v1/subjects/") + kR4 + "/child-rehab-aid");
  ASSERT_EQ(answer.body["cases"].size(), 2u);
  EXPECT_EQ(answer.body["cases"][1]["programme"], "home");
  EXPECT_EQ(answer.body["cases"][1]["status"], "applied");
  EXPECT_EQ(post(path, {{"subject_ref", kR4}, {"programme", "home"}, {"org_id", "x"}, {"applicant_role", "self"}}, "key-r4-self")
                .status,
            422);   // the guardian applies
  const auto list = get("/v1/facilities", {{"service_code", "child_rehab_home"}});
  ASSERT_EQ(list.body["facilities"].size(), 1u);
  EXPECT_EQ(list.body["facilities"][0]["region"], "640324");
}
