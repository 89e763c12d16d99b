// SPDX-License-Identifier: GPL-3.0-or-later
// Identity by touch alone at 200 %, through the Runtime with the display's twin and the
// embedded gateway: the card is read, the SMS code is typed on the on-screen pad, and
// every key of the pad is a touch target of at least 15 x 15 mm inside the frame.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
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

class IdentityByTouch : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = app::load_config(std::string(KIOSK_TEST_ROOT) + "/config/kiosk.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.describe();
    m_config = std::make_unique<app::Config>(std::move(*loaded.config));
    m_dir = fs::temp_directory_path() / ("identity-touch-" + std::to_string(::getpid()));
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
    if (HasFailure()) system(("cat " + (m_dir / "t.jsonl").string() + " | cut -c1-200").c_str());
    fs::remove_all(m_dir);
  }

  void touch(const std::string& node_id) {
    for (const auto& target : m_runtime->layout().targets)
      if (target.node_id == node_id) {
        m_runtime->touch(target.rect.x + target.rect.w / 2, target.rect.y + target.rect.h / 2, core::TouchKind::Tap);
        settle();
        return;
      }
    ADD_FAILURE() << "no touch target " << node_id << " on " << screen();
  }
  // Waits for the embedded gateway's answers, as the main loop would.
  void settle() {
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (m_runtime->kiosk().requests_in_flight() > 0 && std::chrono::steady_clock::now() < limit) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      m_runtime->poll();
    }
    m_runtime->redraw();
  }
  std::string screen() const { return m_runtime->kiosk().tree().screen_id; }
  bool shown(const std::string& node_id) const {
    for (const auto& target : m_runtime->layout().targets)
      if (target.node_id == node_id) return true;
    return false;
  }
  // An item on a later page at 200 %: the touch bar turns the pages until it shows.
  void touch_on_its_page(const std::string& node_id) {
    for (int turns = 0; !shown(node_id) && shown("bar.next_page") && turns < 10; ++turns) touch("bar.next_page");
    touch(node_id);
  }
  void type_on_pad(const std::string& keys) {
    for (char c : keys) touch(c == 'B' || c == 'X' ? std::string("pad.star") : std::string("pad.") + c);
  }

  std::int64_t m_clock = 0;
  fs::path m_dir;
  std::unique_ptr<app::Config> m_config;
  std::unique_ptr<app::Runtime> m_runtime;
};

TEST_F(IdentityByTouch, R1ReadsHisCardAndTypesTheCodeOnTheScreensPad) {
  auto& reader = m_runtime->use_fake_card_reader();
  core::IdCard card;
  card.name = "赵大山";
  card.id_number = "141081196804120356";
  card.valid_to = "20360101";
  reader.place(card);
  m_runtime->poll();
  m_runtime->redraw();
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
  bool found = false;
  for (const auto& target : m_runtime->layout().targets) found = found || target.node_id == "verify.submit";
  if (!found) touch("bar.next_page");
  touch("verify.submit");
  EXPECT_EQ(screen(), "home");
  EXPECT_EQ(m_runtime->kiosk().visit().masked_name, "赵*山");
}

// R6 by touch alone at 200 %: from 我的补贴 to the typed certificate number, the star key
// on the screen's pad giving the B of her replaced card, then the SMS code.
TEST_F(IdentityByTouch, R6TypesHerReplacedCertificateNumberOnTheScreensPad) {
  touch("attract.hall");
  touch_on_its_page("home.subsidies");
  ASSERT_EQ(screen(), "identify");
  touch_on_its_page("identify.keyed");
  ASSERT_EQ(screen(), "identify_keyed");
  touch_on_its_page("identify_keyed.by_certificate");
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
  touch_on_its_page("identify_keyed.submit");
  ASSERT_EQ(screen(), "identify_factor") << (m_runtime->kiosk().status() ? m_runtime->kiosk().status()->code : "no alert");
  touch_on_its_page("identify_factor.sms");
  ASSERT_EQ(screen(), "verify");
  type_on_pad("135790");
  touch_on_its_page("verify.submit");
  EXPECT_EQ(screen(), "subsidy_status");
  EXPECT_TRUE(m_runtime->kiosk().visit().identified());
}

// R4's mother acts for her daughter by touch alone at 200 %: herself first (typed number
// and SMS code on the screen's pad), then the child, the relationship and its authority.
TEST_F(IdentityByTouch, R4sMotherActsForHerDaughter) {
  touch("attract.hall");
  touch_on_its_page("home.subsidies");
  touch_on_its_page("identify.agent");
  touch_on_its_page("identify.keyed");
  ASSERT_EQ(screen(), "identify_keyed");
  type_on_pad("640324199603080626");
  touch_on_its_page("identify_keyed.submit");
  touch_on_its_page("identify_factor.sms");
  ASSERT_EQ(screen(), "verify");
  type_on_pad("135790");
  touch_on_its_page("verify.submit");
  ASSERT_EQ(screen(), "agent_resident");
  type_on_pad("640324202107150466");
  touch_on_its_page("agent_resident.submit");
  ASSERT_EQ(screen(), "agent_relationship");
  touch_on_its_page("agent_relationship.parent");
  touch_on_its_page("agent_authority.guardianship");
  EXPECT_EQ(screen(), "subsidy_status");
  const core::Visit& visit = m_runtime->kiosk().visit();
  EXPECT_TRUE(visit.for_someone_else());
  EXPECT_EQ(visit.masked_name, "马*雨");
  EXPECT_TRUE(visit.resident_under_14);
  EXPECT_FALSE(visit.consent_needs_guardian());
}

}  // namespace
