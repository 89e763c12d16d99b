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

}  // namespace
