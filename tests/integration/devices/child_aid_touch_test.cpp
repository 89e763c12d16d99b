// SPDX-License-Identifier: GPL-3.0-or-later
// A guardian by touch alone, through the Runtime with the display's twin and the embedded
// gateway: 王丽 acts for her daughter 王小花 (C1, born 10 June 2019, Houma 0-6 inclusive).
// On 8 March 2026 the child is three months from her 7th birthday: the screen warns and
// says what to do before then, and the yearly review due on 31 March is recalled.
#include <gtest/gtest.h>

#include <string>

#include "runtime_touch.h"

using namespace kiosk;

namespace {

class GuardianByTouch : public kiosk::testing::RuntimeTouchTest {
 protected:
  GuardianByTouch() : RuntimeTouchTest({.name = "child-aid-touch",
                                      .services = {"devices", "child_aid", "identity"},
                                      .today = 20260308}) {}
};

}  // namespace

TEST_F(GuardianByTouch, SeesTheAgeOutWarningAndWhatToDoBeforeThen) {
  tap_at(960, 540);   // the attract screen: any touch starts
  ASSERT_EQ(screen(), "home");
  touch("home.child_aid");
  ASSERT_EQ(screen(), "identify");
  touch("identify.agent");   // first the guardian's own identity, by typed number
  touch("identify.keyed");
  digits("141081199203010243");   // 王丽, the mother
  touch("identify_keyed.submit");
  ASSERT_NO_FATAL_FAILURE(confirm_by_sms());
  ASSERT_EQ(screen(), "agent_resident");
  digits("141081201906100421");   // 王小花, the daughter
  touch("agent_resident.submit");
  touch("agent_relationship.parent");
  touch("agent_authority.guardianship");
  ASSERT_EQ(screen(), "child_aid");
  const std::string window = text_of("child_aid.window.rescue");
  EXPECT_NE(window.find("2026年6月10日满7岁"), std::string::npos) << window;
  const std::string warning = text_of("child_aid.warning.rescue");
  EXPECT_NE(warning.find("还有3个月左右"), std::string::npos) << warning;
  EXPECT_NE(warning.find("在孩子满7岁以前完成最后一次康复评估"), std::string::npos) << warning;
  EXPECT_NE(text_of("child_aid.review.CR-2024-000122").find("2026年3月31日"), std::string::npos);
  EXPECT_EQ(text_of("child_aid.rules"), "按孩子户籍所在地侯马市的规定办理。");
  // Her case is in its yearly review: no second application is offered.
  EXPECT_EQ(m_runtime->kiosk().tree().find("child_aid.apply.rescue"), nullptr);
}
