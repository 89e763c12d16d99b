// SPDX-License-Identifier: GPL-3.0-or-later
// Applying for both subsidies by touch alone at 200 %, through the Runtime with the display's
// twin and the embedded gateway: S9's card, the SMS code on the screen's pad, 我的补贴, and
// every step of the application touched, turning pages with the touch bar where a step is
// longer than the screen. Every touch target stays inside the frame.
#include <gtest/gtest.h>

#include <string>

#include "runtime_touch.h"

using namespace kiosk;

namespace {

class SubsidyApplyByTouch : public kiosk::testing::RuntimeTouchTest {
 protected:
  SubsidyApplyByTouch() : RuntimeTouchTest({.name = "subsidy-touch", .zoom = 200, .every_target_inside_frame = true}) {}
};

TEST_F(SubsidyApplyByTouch, S9AppliesForBothSubsidiesAndGetsTwoReferenceNumbers) {
  place_card("孙立新", "150304198506120431", "20380101");
  ASSERT_NO_FATAL_FAILURE(confirm_by_sms());
  ASSERT_EQ(screen(), "home");
  touch("home.subsidies");
  ASSERT_EQ(screen(), "subsidy_status");
  touch("subsidy_status.care_allowance.apply_start");
  ASSERT_EQ(screen(), "subsidy_apply_programme");
  touch("subsidy_apply_programme.living_allowance");
  touch("subsidy_apply_programme.next");
  touch("subsidy_apply_residence.residence_permit");
  touch("subsidy_apply_bank.on_file");
  ASSERT_EQ(screen(), "consent");
  touch("consent.agree");
  ASSERT_EQ(screen(), "subsidy_apply_summary");
  ASSERT_EQ(m_runtime->kiosk().visit().consents.size(), 1u);
  EXPECT_EQ(m_runtime->kiosk().visit().consents[0].method, "touch");
  touch("subsidy_apply_summary.submit");
  ASSERT_EQ(screen(), "subsidy_receipt");
  const core::Tree& receipt = m_runtime->kiosk().tree();
  EXPECT_NE(receipt.find("subsidy_receipt.reference.living_allowance"), nullptr);
  EXPECT_NE(receipt.find("subsidy_receipt.reference.care_allowance"), nullptr);
  EXPECT_NE(receipt.find("subsidy_receipt.routed"), nullptr);
  touch("subsidy_receipt.status");
  EXPECT_EQ(screen(), "subsidy_status");
}

}  // namespace
