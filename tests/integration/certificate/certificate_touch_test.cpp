// SPDX-License-Identifier: GPL-3.0-or-later
// A lost card replaced by touch alone at 200 %, through the Runtime with the display's twin
// and the embedded gateway: S2 (Wuda, card reported lost) taps 残疾人证, reads her card, types
// the SMS code on the screen's pad, and replaces the card. Every step is a tap on a target
// the layout placed; turning pages with the touch bar where the screen is longer.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "runtime_touch.h"

using namespace kiosk;

namespace {

class CertificateByTouch : public kiosk::testing::RuntimeTouchTest {
 protected:
  CertificateByTouch()
      : RuntimeTouchTest({.name = "certificate-touch",
                          .services = {"certificate", "identity"},
                          .hall_lines = {{"deployment = ", "deployment = \"wuda\""}},
                          .zoom = 200}) {}

  // From the attract screen to the certificate screen: 残疾人证 on the home menu, the card
  // read, the SMS code typed on the screen's pad. Call inside ASSERT_NO_FATAL_FAILURE.
  void open_certificate(const std::string& name, const std::string& id_number) {
    tap("attract.start");
    if (screen() == "attract") tap_at(960, 540);
    ASSERT_EQ(screen(), "home");
    touch("home.certificate");
    ASSERT_EQ(screen(), "identify");
    place_card(name, id_number, "20360101");
    ASSERT_NO_FATAL_FAILURE(confirm_by_sms());
    ASSERT_EQ(screen(), "certificate");
  }
  // Sends the application from the summary: the receipt carries a local reference number.
  void submit_for_a_reference() {
    ASSERT_EQ(screen(), "certificate_apply_summary");
    touch("certificate_apply_summary.submit");
    ASSERT_EQ(screen(), "certificate_apply_receipt");
    const core::Node* reference = m_runtime->kiosk().tree().find("certificate_apply_receipt.reference");
    ASSERT_NE(reference, nullptr);
    ASSERT_FALSE(reference->name.args.empty());
    EXPECT_EQ(reference->name.args.front().second.rfind("demo-01-", 0), 0u);
  }
};

TEST_F(CertificateByTouch, S2ReplacesHerLostCard) {
  ASSERT_NO_FATAL_FAILURE(open_certificate("高秀英", "150304196309080427"));
  const core::Node* state = m_runtime->kiosk().tree().find("certificate.state");
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(state->name.id, "certificate.state.lost");
  touch("certificate.apply.replace_lost");
  ASSERT_EQ(screen(), "certificate_apply_basis");
  touch("certificate_apply_basis.hukou");
  ASSERT_EQ(screen(), "certificate_apply_documents");
  touch("certificate_apply_documents.next");   // photos
  touch("certificate_apply_documents.next");   // ID card
  ASSERT_EQ(screen(), "certificate_apply_options");
  EXPECT_EQ(m_runtime->kiosk().tree().find("certificate_apply_options.fee_waiver"), nullptr);   // Wuda has none
  touch("certificate_apply_options.mail");
  const core::Node* address = m_runtime->kiosk().tree().find("certificate_apply_options.address");
  ASSERT_NE(address, nullptr);
  EXPECT_EQ(address->privacy, core::Privacy::Personal);
  touch("certificate_apply_options.next");
  ASSERT_EQ(screen(), "certificate_apply_summary");   // hukou here: no data shared, no consent step
  ASSERT_NO_FATAL_FAILURE(submit_for_a_reference());
  // The receipt's tree never names the category (S2: intellectual, grade 3).
  for (const auto& node : m_runtime->kiosk().tree().nodes) {
    EXPECT_EQ(node.name.id.find("category"), std::string::npos) << node.id;
    for (const auto& [name, value] : node.name.args) {
      EXPECT_EQ(value.find("智力"), std::string::npos) << node.id;
      EXPECT_EQ(value.find("三级"), std::string::npos) << node.id;
    }
  }
  // Delivery happens later, on the outbox's sender: wait for it as the main loop would.
  const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < limit) {
    m_runtime->poll();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (transcript().find("\"state\":\"delivered\"") != std::string::npos) break;
  }
  m_runtime.reset();   // the transcript is complete once the runtime is gone
  EXPECT_NE(transcript().find("\"path\":\"/v1/certificate-applications\""), std::string::npos);
}

// R3 (Wuda, wheelchair, no card yet) books his assessment and applies for a new card by
// touch alone at 200 %: the institution and time on the receipt, his address to the
// village, the reference number, and never the kind of disability he chose.
TEST_F(CertificateByTouch, R3BooksHisAssessmentAndAppliesForANewCard) {
  ASSERT_NO_FATAL_FAILURE(open_certificate("钱志刚", "150304197902280176"));
  touch("certificate.apply.new");
  touch("certificate_apply_basis.hukou");
  ASSERT_EQ(screen(), "certificate_apply_assessment");
  touch("certificate_apply_assessment.book.4");
  ASSERT_EQ(screen(), "booking_needs");
  // His access needs on file come ticked: he is not asked again for the wheelchair.
  const core::Node* wheelchair = m_runtime->kiosk().tree().find("booking_needs.wheelchair");
  ASSERT_NE(wheelchair, nullptr);
  EXPECT_TRUE(wheelchair->state.selected);
  touch("booking_needs.search");
  ASSERT_EQ(screen(), "booking_place");
  touch("booking_place.org_150304_assess");
  touch("booking_day.2026-03-09");
  touch("booking_time.slot_00401");
  ASSERT_EQ(screen(), "booking_hold");
  touch("booking_hold.confirm");
  ASSERT_EQ(screen(), "booking_done");
  touch("booking_done.finish");
  ASSERT_EQ(screen(), "certificate_apply_documents");
  for (int i = 0; i < 4; ++i) touch("certificate_apply_documents.next");
  ASSERT_EQ(screen(), "certificate_apply_options");
  touch("certificate_apply_options.mail");
  const core::Node* address = m_runtime->kiosk().tree().find("certificate_apply_options.address");
  ASSERT_NE(address, nullptr);
  ASSERT_FALSE(address->name.args.empty());
  EXPECT_EQ(address->name.args.front().second, "内蒙古乌海市乌达区苏海图街道滨河社区****");
  touch("certificate_apply_options.next");
  touch("certificate_apply_consent.agree");
  ASSERT_NO_FATAL_FAILURE(submit_for_a_reference());
  std::string assessment;
  for (const auto& node : m_runtime->kiosk().tree().nodes) {
    for (const auto& [name, value] : node.name.args) {
      EXPECT_EQ(value.find("肢体"), std::string::npos) << node.id;
      if (node.id == "certificate_apply_receipt.assessment") assessment += value + "|";
    }
  }
  EXPECT_NE(assessment.find("乌达区残疾评定医院"), std::string::npos) << assessment;
}

}  // namespace
