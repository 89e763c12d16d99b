// SPDX-License-Identifier: GPL-3.0-or-later
// Applying for both subsidies by touch alone at 200 %, through the Runtime with the display's
// twin and the embedded gateway: S9's card, the SMS code on the screen's pad, 我的补贴, and
// every step of the application touched, turning pages with the touch bar where a step is
// longer than the screen. Every touch target stays inside the frame.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "drivers/card_reader/card_reader_driver.h"
#include "drivers/display/recording_display.h"
#include "kiosk/app/config.h"
#include "kiosk/app/runtime/runtime.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

class SubsidyApplyByTouch : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = app::load_config(std::string(KIOSK_TEST_ROOT) + "/config/kiosk.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.describe();
    m_config = std::make_unique<app::Config>(std::move(*loaded.config));
    m_dir = fs::temp_directory_path() / ("subsidy-touch-" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
    m_config->backend.insert_or_assign("demo_data_dir", std::string(KIOSK_TEST_ROOT) + "/config/demo");
    m_config->backend.insert_or_assign("outbox_path", (m_dir / "outbox.db").string());
    m_config->backend.insert_or_assign("outbox_key_file", (m_dir / "outbox.key").string());
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
    if (HasFailure()) system(("grep -v '\"type\":\"braille\"' " + (m_dir / "t.jsonl").string() + " | cut -c1-200 | tail -60").c_str());
    fs::remove_all(m_dir);
  }

  bool on_screen(const std::string& node_id) const {
    for (const auto& target : m_runtime->layout().targets)
      if (target.node_id == node_id) return true;
    return false;
  }
  // Touches the node, turning the page with the touch bar until it is on screen.
  void touch(const std::string& node_id) {
    for (int page = 0; page < 8 && !on_screen(node_id); ++page) tap("bar.next_page");
    tap(node_id);
  }
  void tap(const std::string& node_id) {
    for (const auto& target : m_runtime->layout().targets) {
      EXPECT_LE(target.rect.x + target.rect.w, m_config->metrics.width) << target.node_id;
      EXPECT_LE(target.rect.y + target.rect.h, m_config->metrics.height) << target.node_id;
    }
    for (const auto& target : m_runtime->layout().targets)
      if (target.node_id == node_id) {
        m_runtime->touch(target.rect.x + target.rect.w / 2, target.rect.y + target.rect.h / 2, core::TouchKind::Tap);
        settle();
        return;
      }
    ADD_FAILURE() << "no touch target " << node_id << " on " << screen();
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

  std::int64_t m_clock = 0;
  fs::path m_dir;
  std::unique_ptr<app::Config> m_config;
  std::unique_ptr<app::Runtime> m_runtime;
};

TEST_F(SubsidyApplyByTouch, S9AppliesForBothSubsidiesAndGetsTwoReferenceNumbers) {
  core::IdCard card;
  card.name = "孙立新";
  card.id_number = "150304198506120431";
  card.valid_to = "20380101";
  m_runtime->use_fake_card_reader().place(card);
  m_runtime->poll();
  m_runtime->redraw();
  ASSERT_EQ(screen(), "identify_factor");
  touch("identify_factor.sms");
  for (const char* key : {"pad.1", "pad.3", "pad.5", "pad.7", "pad.9", "pad.0"}) touch(key);
  touch("verify.submit");
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
