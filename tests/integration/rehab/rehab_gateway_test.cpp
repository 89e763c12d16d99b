// SPDX-License-Identifier: GPL-3.0-or-later
// The demo gateway's rehabilitation answers: a resident's services with the plan (一人一案)
// and the booked appointments, the demo's always-taken slot (free in a search, taken at
// its hold), a booking that says where and the step-free route, the hold extended once,
// and a cancellation that frees the slot and leaves the plan.
#include <gtest/gtest.h>

#include <string>

#include "local_gateway_fixture.h"

namespace kb = kiosk::backend;
using nlohmann::json;

namespace {

constexpr const char* kR4 = "sub_7a05c9e1b84d";
constexpr const char* kR1 = "sub_4c1f0a7e92d3";

class Rehab : public kiosk::testing::LocalGatewayTest {
 protected:
  std::string slot_at(const std::string& code, const std::string& start) {
    const auto answer = get("/v1/rehab/slots", {{"service_code", code}});
    for (const auto& s : answer.body["slots"])
      if (s["start"] == start) return s["slot_id"];
    return {};
  }

};

TEST_F(Rehab, R4sServicesComeWithHerPlanAndHerTwoAppointments) {
  const auto answer = get("/v1/rehab/services", {{"subject_ref", kR4}});
  ASSERT_EQ(answer.status, 200);
  EXPECT_EQ(answer.body["services"][0]["service_code"], "child_rehab_hearing_training");
  EXPECT_EQ(answer.body["plan"]["visits_used"], 20);
  EXPECT_EQ(answer.body["plan"]["needs"][0], "sign_language");
  ASSERT_EQ(answer.body["appointments"].size(), 2u);
  EXPECT_EQ(answer.body["appointments"][0]["appointment_id"], "AP-R4-0001");
  EXPECT_EQ(answer.body["appointments"][0]["start"], "2026-03-11T10:00:00+08:00");
  // Her booked times are not offered to anyone.
  const auto slots = get("/v1/rehab/slots", {{"service_code", "child_rehab_hearing_training"}, {"needs", "sign_language"}});
  for (const auto& s : slots.body["slots"])
    if (s["start"] == "2026-03-11T10:00:00+08:00") {
      EXPECT_EQ(s["status"], "booked");
    }
}

TEST_F(Rehab, TheAlwaysTakenSlotIsFreeInTheSearchAndTakenAtItsHold) {
  const std::string slot = slot_at("precision_rehab_physio", "2026-03-10T10:00:00+08:00");
  ASSERT_FALSE(slot.empty());
  const auto taken = post("/v1/rehab/holds", {{"slot_id", slot}, {"subject_ref", kR1}});
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.body["code"], "slot_taken");
}

TEST_F(Rehab, ABookingSaysWhereAndTheStepFreeRouteAndACancelFreesTheSlot) {
  const std::string slot = slot_at("child_rehab_hearing_training", "2026-03-09T09:00:00+08:00");
  const auto hold = post("/v1/rehab/holds", {{"slot_id", slot}, {"subject_ref", kR4}});
  ASSERT_EQ(hold.status, 201);
  const std::string hold_id = hold.body["hold_id"];
  EXPECT_EQ(post("/v1/rehab/holds/" + hold_id + "/extend", json::object()).status, 200);
  EXPECT_EQ(post("/v1/rehab/holds/" + hold_id + "/extend", json::object()).body["code"], "hold_extend_used");
  const auto booked = post("/v1/rehab/appointments", {{"hold_id", hold_id}, {"subject_ref", kR4},
                                                      {"needs", {{"sign_language", true}}}, {"contact_channel", "sms"}});
  ASSERT_EQ(booked.status, 201);
  EXPECT_EQ(booked.body["address"], "同心县豫海镇");
  EXPECT_EQ(booked.body["step_free_route"], "东门有坡道，康复教室在一楼");
  EXPECT_EQ(get("/v1/rehab/services", {{"subject_ref", kR4}}).body["appointments"].size(), 3u);
  EXPECT_EQ(post("/v1/rehab/appointments/AP-R4-0001/cancel", {{"reason_code", "unwell"}}).status, 200);
  const auto after = get("/v1/rehab/services", {{"subject_ref", kR4}});
  ASSERT_EQ(after.body["appointments"].size(), 2u);
  EXPECT_NE(after.body["appointments"][0]["appointment_id"], "AP-R4-0001");
  for (const auto& s : get("/v1/rehab/slots", {{"service_code", "child_rehab_hearing_training"}}).body["slots"])
    if (s["start"] == "2026-03-11T10:00:00+08:00") {
      EXPECT_EQ(s["status"], "free");
    }
}

TEST_F(Rehab, AHoldRunsOutOnTheGatewaysClock) {
  const std::string slot = slot_at("precision_rehab_physio", "2026-03-09T09:00:00+08:00");
  const auto hold = post("/v1/rehab/holds", {{"slot_id", slot}, {"subject_ref", kR1}});
  ASSERT_EQ(hold.status, 201);
  m_now += 10 * 60 * 1000;
  const auto late = post("/v1/rehab/appointments", {{"hold_id", hold.body["hold_id"]}, {"subject_ref", kR1}});
  EXPECT_EQ(late.status, 410);
  EXPECT_EQ(late.body["code"], "hold_expired");
}

}  // namespace
