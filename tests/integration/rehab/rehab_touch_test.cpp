// SPDX-License-Identifier: GPL-3.0-or-later
// 康复服务 by touch alone at 200 %, through the Runtime with the display's twin and the
// embedded gateway: R1 places his card, types the SMS code on the screen's pad, and books a
// session on his plan; every step a tap on what the screen shows (turning pages with the
// touch bar when the target is on a later page).
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

class RehabByTouch : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = app::load_config(std::string(KIOSK_TEST_ROOT) + "/config/kiosk.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.describe();
    m_config = std::make_unique<app::Config>(std::move(*loaded.config));
    m_dir = fs::temp_directory_path() / ("rehab-touch-" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
    m_config->services = {"rehab", "identity"};
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
    if (HasFailure()) system(("cut -c1-200 " + (m_dir / "t.jsonl").string() + " | grep -v '\"braille\"' | tail -40").c_str());
    fs::remove_all(m_dir);
  }

  bool shown(const std::string& node_id) const {
    for (const auto& target : m_runtime->layout().targets)
      if (target.node_id == node_id) return true;
    return false;
  }
  void tap_target(const std::string& node_id) {
    for (const auto& target : m_runtime->layout().targets)
      if (target.node_id == node_id) {
        m_runtime->touch(target.rect.x + target.rect.w / 2, target.rect.y + target.rect.h / 2, core::TouchKind::Tap);
        settle();
        return;
      }
  }
  // Taps the node, turning pages forward with the touch bar until it is on screen.
  void touch(const std::string& node_id) {
    for (int page = 0; page < 8 && !shown(node_id) && shown("bar.next_page"); ++page) tap_target("bar.next_page");
    if (!shown(node_id)) {
      ADD_FAILURE() << "no touch target " << node_id << " on " << screen();
      return;
    }
    tap_target(node_id);
  }
  // Waits for the embedded gateway's answers (and the answers they lead to), as the main loop would.
  void settle() {
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    do {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      m_runtime->poll();
    } while (m_runtime->kiosk().requests_in_flight() > 0 && std::chrono::steady_clock::now() < limit);
    m_runtime->redraw();
  }
  std::string screen() const { return m_runtime->kiosk().tree().screen_id; }

  std::int64_t m_clock = 0;
  fs::path m_dir;
  std::unique_ptr<app::Config> m_config;
  std::unique_ptr<app::Runtime> m_runtime;
};

TEST_F(RehabByTouch, R1BooksASessionOnHisPlanByTouchAlone) {
  tap_target("attract.hall");   // the first touch starts the session
  if (screen() == "attract") m_runtime->touch(960, 540, core::TouchKind::Tap), settle();
  ASSERT_EQ(screen(), "home");
  touch("home.rehab");
  ASSERT_EQ(screen(), "identify");
  core::IdCard card;
  card.name = "赵大山";
  card.id_number = "141081196804120356";
  card.valid_to = "20360101";
  m_runtime->use_fake_card_reader().place(card);
  m_runtime->poll();
  m_runtime->redraw();
  ASSERT_EQ(screen(), "identify_factor");
  touch("identify_factor.sms");
  ASSERT_EQ(screen(), "verify");
  for (const char* key : {"pad.1", "pad.3", "pad.5", "pad.7", "pad.9", "pad.0"}) touch(key);
  touch("verify.submit");
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
