// SPDX-License-Identifier: GPL-3.0-or-later
// A guardian by touch alone, through the Runtime with the display's twin and the embedded
// gateway: 王丽 acts for her daughter 王小花 (C1, born 10 June 2019, Houma 0-6 inclusive).
// On 8 March 2026 the child is three months from her 7th birthday: the screen warns and
// says what to do before then, and the yearly review due on 31 March is recalled.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "drivers/display/recording_display.h"
#include "kiosk/app/config.h"
#include "kiosk/app/runtime/runtime.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

class GuardianByTouch : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = app::load_config(std::string(KIOSK_TEST_ROOT) + "/config/kiosk.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.describe();
    m_config = std::make_unique<app::Config>(std::move(*loaded.config));
    m_dir = fs::temp_directory_path() / ("child-aid-touch-" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
    m_config->services = {"devices", "child_aid", "identity"};
    m_config->backend.insert_or_assign("demo_data_dir", std::string(KIOSK_TEST_ROOT) + "/config/demo");
    m_config->backend.insert_or_assign("outbox_path", (m_dir / "outbox.db").string());
    m_config->backend.insert_or_assign("outbox_key_file", (m_dir / "outbox.key").string());
    m_config->kiosk.hall_defaults.touch_explore = false;   // direct touch: a tap acts
    m_runtime = std::make_unique<app::Runtime>(*m_config, [this] { return m_clock; },
                                               std::make_unique<drivers::display::RecordingDisplay>());
    m_runtime->fix_today(20260308);
    std::string error;
    ASSERT_TRUE(m_runtime->open_display(drivers::display::DisplayMode::Headless, error)) << error;
    ASSERT_TRUE(m_runtime->open_transcript((m_dir / "t.jsonl").string()));
    m_runtime->start();
  }
  void TearDown() override {
    m_runtime.reset();
    fs::remove_all(m_dir);
  }

  // Taps the node's target, turning pages with the touch bar until it is shown.
  void touch(const std::string& node_id) {
    for (int page = 0; page < 6; ++page) {
      for (const auto& target : m_runtime->layout().targets)
        if (target.node_id == node_id) {
          m_runtime->touch(target.rect.x + target.rect.w / 2, target.rect.y + target.rect.h / 2, core::TouchKind::Tap);
          settle();
          return;
        }
      tap_bar("bar.next_page");
    }
    ADD_FAILURE() << "no touch target " << node_id << " on " << screen();
  }
  void tap_bar(const std::string& id) {
    for (const auto& target : m_runtime->layout().targets)
      if (target.node_id == id) {
        m_runtime->touch(target.rect.x + target.rect.w / 2, target.rect.y + target.rect.h / 2, core::TouchKind::Tap);
        settle();
        return;
      }
  }
  void digits(const std::string& text) {
    for (char c : text) touch(std::string("pad.") + c);
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
  std::string text_of(const std::string& node_id) const {
    const core::Node* node = m_runtime->kiosk().tree().find(node_id);
    return node ? m_config->catalog.text(node->name, "zh-CN") : std::string();
  }

  std::int64_t m_clock = 0;
  fs::path m_dir;
  std::unique_ptr<app::Config> m_config;
  std::unique_ptr<app::Runtime> m_runtime;
};

}  // namespace

TEST_F(GuardianByTouch, SeesTheAgeOutWarningAndWhatToDoBeforeThen) {
  m_runtime->touch(960, 540, core::TouchKind::Tap);   // the attract screen: any touch starts
  settle();
  ASSERT_EQ(screen(), "home");
  touch("home.child_aid");
  ASSERT_EQ(screen(), "identify");
  touch("identify.agent");   // first the guardian's own identity, by typed number
  touch("identify.keyed");
  digits("141081199203010243");   // 王丽, the mother
  touch("identify_keyed.submit");
  ASSERT_EQ(screen(), "identify_factor");
  touch("identify_factor.sms");
  digits("135790");
  touch("verify.submit");
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
