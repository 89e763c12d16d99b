// SPDX-License-Identifier: GPL-3.0-or-later
// Identity by touch alone at 200 %, through the Runtime with the display's twin and the
// embedded gateway: the card is read, the SMS code is typed on the on-screen pad, and
// every key of the pad is a touch target of at least 15 x 15 mm inside the frame.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "runtime_touch.h"

using namespace kiosk;

namespace {

class IdentityByTouch : public kiosk::testing::RuntimeTouchTest {
 protected:
  IdentityByTouch() : RuntimeTouchTest({.name = "identity-touch", .zoom = 200}) {}
  // The pad has no letters: the star key types the X or B the place takes.
  void type_on_pad(const std::string& keys) {
    for (char c : keys) touch(c == 'B' || c == 'X' ? std::string("pad.star") : std::string("pad.") + c);
  }
};

TEST_F(IdentityByTouch, R1ReadsHisCardAndTypesTheCodeOnTheScreensPad) {
  place_card("赵大山", "141081196804120356", "20360101");
  ASSERT_EQ(screen(), "identify_factor");
  touch("identify_factor.sms");
  ASSERT_EQ(screen(), "verify") << (m_runtime->kiosk().status() ? m_runtime->kiosk().status()->code : "no alert");
  // The pad: every key at least 15 mm square, inside the frame.
  const double px_per_mm = 1.0 / m_config->metrics.pixel_pitch_mm;
  int keys = 0;
  for (const auto& target : m_runtime->layout().targets) {
    if (target.node_id.rfind("pad.", 0) != 0) continue;
    ++keys;
    EXPECT_GE(target.rect.w, static_cast<int>(std::floor(15 * px_per_mm))) << target.node_id;
    EXPECT_GE(target.rect.h, static_cast<int>(std::floor(15 * px_per_mm))) << target.node_id;
    EXPECT_LE(target.rect.x + target.rect.w, m_config->metrics.width) << target.node_id;
    EXPECT_LE(target.rect.y + target.rect.h, m_config->metrics.height) << target.node_id;
  }
  EXPECT_EQ(keys, 12);
  for (const char* key : {"pad.1", "pad.3", "pad.5", "pad.7", "pad.9", "pad.0"}) touch(key);
  const core::Node* code = m_runtime->kiosk().tree().find("verify.code");
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(code->value, "135790");
  touch("pad.delete");
  touch("pad.0");
  // Confirm: on page 1 at 200 % or after turning the page with the touch bar.
  touch("verify.submit");
  EXPECT_EQ(screen(), "home");
  EXPECT_EQ(m_runtime->kiosk().visit().masked_name, "赵*山");
}

// R6 by touch alone at 200 %: from 我的补贴 to the typed certificate number, the star key
// on the screen's pad giving the B of her replaced card, then the SMS code.
TEST_F(IdentityByTouch, R6TypesHerReplacedCertificateNumberOnTheScreensPad) {
  touch("attract.hall");
  touch("home.subsidies");
  ASSERT_EQ(screen(), "identify");
  touch("identify.keyed");
  ASSERT_EQ(screen(), "identify_keyed");
  touch("identify_keyed.by_certificate");
  ASSERT_NE(m_runtime->kiosk().tree().find("identify_keyed.certificate"), nullptr);
  // The pad stays above the footer: every key inside the content's band.
  const core::Rect content = m_runtime->layout().content;
  for (const auto& target : m_runtime->layout().targets) {
    if (target.node_id.rfind("pad.", 0) == 0) {
      EXPECT_LE(target.rect.y + target.rect.h, content.y + content.h) << target.node_id;
    }
  }
  type_on_pad("64032419920521028844B1");
  EXPECT_EQ(m_runtime->kiosk().tree().find("identify_keyed.certificate")->value, "64032419920521028844B1");
  touch("identify_keyed.submit");
  ASSERT_EQ(screen(), "identify_factor") << (m_runtime->kiosk().status() ? m_runtime->kiosk().status()->code : "no alert");
  ASSERT_NO_FATAL_FAILURE(confirm_by_sms());
  EXPECT_EQ(screen(), "subsidy_status");
  EXPECT_TRUE(m_runtime->kiosk().visit().identified());
}

// R4's mother acts for her daughter by touch alone at 200 %: herself first (typed number
// and SMS code on the screen's pad), then the child, the relationship and its authority.
TEST_F(IdentityByTouch, R4sMotherActsForHerDaughter) {
  touch("attract.hall");
  touch("home.subsidies");
  touch("identify.agent");
  touch("identify.keyed");
  ASSERT_EQ(screen(), "identify_keyed");
  type_on_pad("640324199603080626");
  touch("identify_keyed.submit");
  ASSERT_NO_FATAL_FAILURE(confirm_by_sms());
  ASSERT_EQ(screen(), "agent_resident");
  type_on_pad("640324202107150466");
  touch("agent_resident.submit");
  ASSERT_EQ(screen(), "agent_relationship");
  touch("agent_relationship.parent");
  touch("agent_authority.guardianship");
  EXPECT_EQ(screen(), "subsidy_status");
  const core::Visit& visit = m_runtime->kiosk().visit();
  EXPECT_TRUE(visit.for_someone_else());
  EXPECT_EQ(visit.masked_name, "马*雨");
  EXPECT_TRUE(visit.resident_under_14);
  EXPECT_FALSE(visit.consent_needs_guardian());
}

}  // namespace
