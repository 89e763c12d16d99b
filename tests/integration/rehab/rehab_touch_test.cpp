// SPDX-License-Identifier: GPL-3.0-or-later
// 康复服务 by touch alone at 200 %, through the Runtime with the display's twin and the
// embedded gateway: R1 places his card, types the SMS code on the screen's pad, and books a
// session on his plan; every step a tap on what the screen shows (turning pages with the
// touch bar when the target is on a later page).
#include <gtest/gtest.h>

#include <string>

#include "runtime_touch.h"

using namespace kiosk;

namespace {

class RehabByTouch : public kiosk::testing::RuntimeTouchTest {
 protected:
  RehabByTouch() : RuntimeTouchTest({.name = "rehab-touch", .services = {"rehab", "identity"}, .zoom = 200}) {}
};

TEST_F(RehabByTouch, R1BooksASessionOnHisPlanByTouchAlone) {
  tap("attract.hall");   // the first touch starts the session
  if (screen() == "attract") tap_at(960, 540);
  ASSERT_EQ(screen(), "home");
  touch("home.rehab");
  ASSERT_EQ(screen(), "identify");
  place_card("赵大山", "141081196804120356", "20360101");
  ASSERT_NO_FATAL_FAILURE(confirm_by_sms());
  ASSERT_EQ(screen(), "rehab");
  touch("rehab.plan");
  ASSERT_EQ(screen(), "rehab_plan");
  touch("rehab_plan.book");
  ASSERT_EQ(screen(), "booking_needs");
  EXPECT_TRUE(m_runtime->kiosk().tree().find("booking_needs.wheelchair")->state.selected);   // the plan's need
  touch("booking_needs.search");
  ASSERT_EQ(screen(), "booking_place");
  touch("booking_place.org_141081_rehab");
  ASSERT_EQ(screen(), "booking_day");
  touch("booking_day.2026-03-09");
  ASSERT_EQ(screen(), "booking_time");
  touch("booking_time.slot_00001");   // 3月9日 9:00 at Houma
  ASSERT_EQ(screen(), "booking_hold");
  touch("booking_hold.confirm");   // the first touch also extends the hold; the booking follows
  ASSERT_EQ(screen(), "booking_done");
  const core::Node* reference = m_runtime->kiosk().tree().find("booking_done.reference");
  ASSERT_NE(reference, nullptr);
  EXPECT_EQ(reference->name.id, "booking.reference");
  touch("booking_done.finish");
  EXPECT_EQ(screen(), "rehab_plan");
  bool booked = false;
  for (const auto& node : m_runtime->kiosk().tree().nodes) booked = booked || node.id.rfind("rehab_plan.cancel.AP-", 0) == 0;
  EXPECT_TRUE(booked);
}

}  // namespace
