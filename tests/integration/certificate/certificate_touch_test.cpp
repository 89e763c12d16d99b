// SPDX-License-Identifier: GPL-3.0-or-later
// A lost card replaced by touch alone at 200 %, through the Runtime with the display's twin
// and the embedded gateway: S2 (Wuda, card reported lost) taps 残疾人证, reads her card, types
// the SMS code on the screen's pad, and replaces the card. Every step is a tap on a target
// the layout placed; turning pages with the touch bar where the screen is longer.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "drivers/card_reader/card_reader_driver.h"
#include "drivers/display/recording_display.h"
#include "kiosk/app/config.h"
#include "kiosk/app/runtime/runtime.h"
#include "kiosk_run.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

class CertificateByTouch : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = kiosk::testing::fresh_dir("certificate-touch");
    const std::string arg = kiosk::testing::hall_config_in(m_dir, {{"services = ", R"(services = ["certificate", "identity"])"},
                                                            {"deployment = ", "deployment = \"wuda\""}});
    auto loaded = app::load_config(arg.substr(std::string("--config ").size()));
    ASSERT_TRUE(loaded.ok()) << loaded.describe();
    m_config = std::make_unique<app::Config>(std::move(*loaded.config));
    m_config->backend.insert_or_assign("demo_data_dir", (m_dir / "config/demo").string());
    m_config->kiosk.hall_defaults.zoom = 200;
    m_config->kiosk.hall_defaults.touch_explore = false;   // direct touch: a tap acts
    m_runtime = std::make_unique<app::Runtime>(*m_config, [this] { return m_clock; },
                                               std::make_unique<drivers::display::RecordingDisplay>());
    std::string error;
    ASSERT_TRUE(m_runtime->open_display(drivers::display::DisplayMode::Headless, error)) << error;
    ASSERT_TRUE(m_runtime->open_transcript((m_dir / "t.jsonl").string()));
    m_runtime->start();
  }
  void TearDown() override {
    m_runtime.reset();
    if (!HasFailure()) fs::remove_all(m_dir);
  }

  bool visible(const std::string& node_id) const {
    for (const auto& target : m_runtime->layout().targets)
      if (target.node_id == node_id) return true;
    return false;
  }
  // Taps the node's target, turning pages forward with the touch bar until it is shown.
  void touch(const std::string& node_id) {
    for (int page = 0; page < 8 && !visible(node_id) && visible("bar.next_page"); ++page) tap("bar.next_page");
    if (!visible(node_id)) {
      ADD_FAILURE() << "no touch target " << node_id << " on " << screen();
      return;
    }
    tap(node_id);
  }
  void tap(const std::string& node_id) {
    for (const auto& target : m_runtime->layout().targets)
      if (target.node_id == node_id) {
        m_runtime->touch(target.rect.x + target.rect.w / 2, target.rect.y + target.rect.h / 2, core::TouchKind::Tap);
        settle();
        return;
      }
  }
  void settle() {
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (m_runtime->kiosk().requests_in_flight() > 0 && std::chrono::steady_clock::now() < limit) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      m_runtime->poll();
    }
    m_runtime->redraw();
  }
  std::string screen() const { return m_runtime->kiosk().tree().screen_id; }
  std::string transcript() const {
    std::ifstream in(m_dir / "t.jsonl");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  std::int64_t m_clock = 0;
  fs::path m_dir;
  std::unique_ptr<app::Config> m_config;
  std::unique_ptr<app::Runtime> m_runtime;
};

TEST_F(CertificateByTouch, S2ReplacesHerLostCard) {
  tap("attract.start");
  if (screen() == "attract") m_runtime->touch(960, 540, core::TouchKind::Tap), settle();
  ASSERT_EQ(screen(), "home");
  touch("home.certificate");
  ASSERT_EQ(screen(), "identify");
  auto& reader = m_runtime->use_fake_card_reader();
  core::IdCard card;
  card.name = "高秀英";
  card.id_number = "150304196309080427";
  card.valid_to = "20360101";
  reader.place(card);
  m_runtime->poll();
  m_runtime->redraw();
  ASSERT_EQ(screen(), "identify_factor");
  touch("identify_factor.sms");
  ASSERT_EQ(screen(), "verify");
  for (const char* key : {"pad.1", "pad.3", "pad.5", "pad.7", "pad.9", "pad.0"}) touch(key);
  touch("verify.submit");
  ASSERT_EQ(screen(), "certificate");
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
  touch("certificate_apply_summary.submit");
  ASSERT_EQ(screen(), "certificate_apply_receipt");
  const core::Node* reference = m_runtime->kiosk().tree().find("certificate_apply_receipt.reference");
  ASSERT_NE(reference, nullptr);
  ASSERT_FALSE(reference->name.args.empty());
  EXPECT_EQ(reference->name.args.front().second.rfind("demo-01-", 0), 0u);
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
  tap("attract.start");
  if (screen() == "attract") m_runtime->touch(960, 540, core::TouchKind::Tap), settle();
  ASSERT_EQ(screen(), "home");
  touch("home.certificate");
  auto& reader = m_runtime->use_fake_card_reader();
  core::IdCard card;
  card.name = "钱志刚";
  card.id_number = "150304197902280176";
  card.valid_to = "20360101";
  reader.place(card);
  m_runtime->poll();
  m_runtime->redraw();
  touch("identify_factor.sms");
  for (const char* key : {"pad.1", "pad.3", "pad.5", "pad.7", "pad.9", "pad.0"}) touch(key);
  touch("verify.submit");
  ASSERT_EQ(screen(), "certificate");
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
  ASSERT_EQ(screen(), "certificate_apply_summary");
  touch("certificate_apply_summary.submit");
  ASSERT_EQ(screen(), "certificate_apply_receipt");
  const core::Node* reference = m_runtime->kiosk().tree().find("certificate_apply_receipt.reference");
  ASSERT_NE(reference, nullptr);
  ASSERT_FALSE(reference->name.args.empty());
  EXPECT_EQ(reference->name.args.front().second.rfind("demo-01-", 0), 0u);
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
