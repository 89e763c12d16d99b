// SPDX-License-Identifier: GPL-3.0-or-later
// The gateway's side of identity: a visit opens with a method that is never a face alone,
// the SMS code has three tries, five minutes and one resend a minute, staff confirm with
// number and PIN, and an agent acts only where the gateway's own records say so.
#include <gtest/gtest.h>

#include <string>

#include "local_gateway_fixture.h"

namespace kb = kiosk::backend;
using nlohmann::json;

namespace {

constexpr const char* kR1 = "141081196804120356";       // 赵大山, phone on file
constexpr const char* kR2 = "370303195009300248";       // 孙桂兰, no phone on file
constexpr const char* kR4 = "640324202107150466";       // 马小雨, a child
constexpr const char* kR4Mother = "640324199603080626";  // 马玉梅, guardian of R4
constexpr const char* kR5Father = "141081195801200137";  // 周国华, guardian of R5

class Visits : public kiosk::testing::LocalGatewayTest {
 protected:
  kb::GatewayResponse open(const std::string& id, const std::string& method, const json& extra = json::object()) {
    json body{{"id_number", id}, {"method", method}};
    body.update(extra);
    return post("/v1/visits", body);
  }
  kb::GatewayResponse verify(const std::string& visit, const std::string& code) {
    return post("/v1/visits/" + visit + "/verify", {{"code", code}});
  }
  std::string verified_visit(const std::string& id) {
    auto r = open(id, "id_chip_staff", {{"staff_number", "0101"}, {"staff_pin", "2468"}});
    EXPECT_EQ(r.status, 201) << r.body.dump();
    return r.body.value("visit_id", "");
  }
};

TEST_F(Visits, FaceAloneOrAnUnknownMethodIsRefused) {
  for (const char* method : {"id_chip_face", "face", ""}) {
    auto r = open(kR1, method);
    EXPECT_EQ(r.status, 400) << method;
    EXPECT_EQ(r.body["code"], "invalid_method");
  }
}

TEST_F(Visits, SmsVisitHasNoSubjectUntilTheCodeIsRight) {
  auto r = open(kR1, "keyed_sms");
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(r.body["challenge"], "sms");
  EXPECT_EQ(r.body["phone_masked"], "138****0356");
  EXPECT_FALSE(r.body.contains("subject_ref"));
  const std::string visit = r.body["visit_id"];

  auto wrong = verify(visit, "000000");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.body["code"], "code_wrong");
  EXPECT_EQ(wrong.body["tries_left"], 2);

  auto right = verify(visit, "135790");   // the demo data's documented code
  ASSERT_EQ(right.status, 200) << right.body.dump();
  EXPECT_EQ(right.body["subject_ref"], "sub_4c1f0a7e92d3");
  EXPECT_EQ(right.body["access_needs"], json::array({"wheelchair"}));   // a booking starts with it ticked
}

TEST_F(Visits, ThreeWrongCodesLockTheVisitEvenForTheRightCode) {
  const std::string visit = open(kR1, "id_chip_sms").body["visit_id"];
  EXPECT_EQ(verify(visit, "111111").body["tries_left"], 2);
  EXPECT_EQ(verify(visit, "222222").body["tries_left"], 1);
  auto third = verify(visit, "333333");
  EXPECT_EQ(third.status, 423);
  EXPECT_EQ(third.body["code"], "code_locked");
  EXPECT_EQ(third.body["next_step"], "call_staff");
  EXPECT_EQ(verify(visit, "135790").body["code"], "code_locked");
  EXPECT_EQ(post("/v1/visits/" + visit + "/resend", json::object()).body["code"], "code_locked");
}

TEST_F(Visits, CodeExpiresAfterFiveMinutesAndResendWaitsAMinute) {
  const std::string visit = open(kR1, "keyed_sms").body["visit_id"];
  m_now += 30'000;
  auto early = post("/v1/visits/" + visit + "/resend", json::object());
  EXPECT_EQ(early.status, 429);
  EXPECT_EQ(early.body["code"], "resend_too_soon");
  EXPECT_EQ(early.body["retry_after_s"], 30);
  m_now += 5 * 60'000;
  auto late = verify(visit, "135790");
  EXPECT_EQ(late.status, 410);
  EXPECT_EQ(late.body["code"], "code_expired");
  auto resent = post("/v1/visits/" + visit + "/resend", json::object());
  EXPECT_EQ(resent.status, 202);
  EXPECT_EQ(verify(visit, "135790").status, 200);
}

TEST_F(Visits, RandomCodesGoToTheSinkAndOnlyTheSentCodeWorks) {
  std::string sent_visit, sent_phone, sent_code;
  m_gw->set_sms_codes(kb::SmsCodes::Random, [&](const std::string& v, const std::string& p, const std::string& c) {
    sent_visit = v, sent_phone = p, sent_code = c;
  });
  const std::string visit = open(kR1, "keyed_sms").body["visit_id"];
  EXPECT_EQ(sent_visit, visit);
  EXPECT_EQ(sent_phone, "13800000356");
  ASSERT_EQ(sent_code.size(), 6u);
  if (sent_code != "135790") {
    EXPECT_EQ(verify(visit, "135790").status, 422);
  }
  EXPECT_EQ(verify(visit, sent_code).status, 200);
}

TEST_F(Visits, NoPhoneOnFileSendsTheResidentToStaff) {
  auto r = open(kR2, "keyed_sms");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.body["code"], "no_phone_on_file");
  EXPECT_EQ(r.body["next_step"], "call_staff");
}

TEST_F(Visits, StaffConfirmationNeedsTheRightNumberAndPin) {
  auto wrong = open(kR2, "keyed_staff", {{"staff_number", "0101"}, {"staff_pin", "9999"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.body["code"], "staff_auth_failed");
  auto right = open(kR2, "keyed_staff", {{"staff_number", "0101"}, {"staff_pin", "2468"}});
  ASSERT_EQ(right.status, 201);
  EXPECT_EQ(right.body["subject_ref"], "sub_9b27e5d04a61");
}

TEST_F(Visits, UnknownPersonIsToldToGoToTheWindow) {
  auto r = open("110101199003070000", "keyed_sms");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body["next_step"], "go_to_window");
}

TEST_F(Visits, AnAgentActsOnlyAfterTheirOwnVisitIsVerified) {
  const std::string visit = open(kR4Mother, "keyed_sms").body["visit_id"];
  auto early = post("/v1/visits/" + visit + "/represent",
                    {{"represented_id_number", kR4}, {"relationship", "parent"}, {"authority", "guardianship"}});
  EXPECT_EQ(early.status, 403);
  EXPECT_EQ(early.body["code"], "visit_not_verified");
  ASSERT_EQ(verify(visit, "135790").status, 200);
  auto ok = post("/v1/visits/" + visit + "/represent",
                 {{"represented_id_number", kR4}, {"relationship", "parent"}, {"authority", "guardianship"}});
  ASSERT_EQ(ok.status, 200) << ok.body.dump();
  EXPECT_EQ(ok.body["represented_subject_ref"], "sub_7a05c9e1b84d");
  EXPECT_EQ(ok.body["access_needs"], json::array({"sign_language"}));   // the child's, not her mother's
}

TEST_F(Visits, TheGatewayRefusesARelationshipItHasNoRecordOf) {
  // A stranger (R1) claims to be R4's guardian; R5's father claims the wrong relationship.
  const std::string stranger = verified_visit(kR1);
  auto refused = post("/v1/visits/" + stranger + "/represent",
                      {{"represented_id_number", kR4}, {"relationship", "guardian"}, {"authority", "guardianship"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body["code"], "authority_unknown");
  EXPECT_EQ(refused.body["next_step"], "go_to_window");
  const std::string father = verified_visit(kR5Father);
  auto wrong = post("/v1/visits/" + father + "/represent",
                    {{"represented_id_number", "141081198811030518"}, {"relationship", "spouse"},
                     {"authority", "guardianship"}});
  EXPECT_EQ(wrong.body["code"], "authority_unknown");
  auto bad = post("/v1/visits/" + father + "/represent",
                  {{"represented_id_number", "141081198811030518"}, {"relationship", "boss"},
                   {"authority", "guardianship"}});
  EXPECT_EQ(bad.body["code"], "invalid_relationship");
}

}  // namespace
