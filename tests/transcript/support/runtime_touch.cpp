// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtime_touch.h"

#include <chrono>
#include <deque>
#include <fstream>
#include <iostream>
#include <iterator>
#include <thread>

#include "drivers/display/recording_display.h"
#include "kiosk_run.h"

namespace kiosk::testing {

namespace fs = std::filesystem;

void RuntimeTouchTest::SetUp() {
  m_dir = fresh_dir(m_options.name);
  fs::path kiosk_toml = fs::path(KIOSK_SOURCE_ROOT) / "config" / "kiosk.toml";
  fs::path demo = fs::path(KIOSK_SOURCE_ROOT) / "config" / "demo";
  if (!m_options.hall_lines.empty()) {
    const std::string arg = hall_config_in(m_dir, m_options.hall_lines);
    kiosk_toml = arg.substr(std::string("--config ").size());
    demo = m_dir / "config" / "demo";
  }
  auto loaded = app::load_config(kiosk_toml);
  ASSERT_TRUE(loaded.ok()) << loaded.describe();
  m_config = std::make_unique<app::Config>(std::move(*loaded.config));
  if (!m_options.services.empty()) m_config->services = m_options.services;
  m_config->backend.insert_or_assign("demo_data_dir", demo.string());
  m_config->backend.insert_or_assign("outbox_path", (m_dir / "outbox.db").string());
  m_config->backend.insert_or_assign("outbox_key_file", (m_dir / "outbox.key").string());
  if (m_options.zoom > 0) m_config->kiosk.hall_defaults.zoom = m_options.zoom;
  m_config->kiosk.hall_defaults.touch_explore = false;   // direct touch: a tap acts
  m_runtime = std::make_unique<app::Runtime>(*m_config, [this] { return m_clock; },
                                             std::make_unique<drivers::display::RecordingDisplay>());
  if (m_options.today) m_runtime->fix_today(*m_options.today);
  std::string error;
  ASSERT_TRUE(m_runtime->open_display(drivers::display::DisplayMode::Headless, error)) << error;
  ASSERT_TRUE(m_runtime->open_transcript((m_dir / "t.jsonl").string()));
  m_runtime->start();
}

void RuntimeTouchTest::TearDown() {
  m_runtime.reset();   // flushes the transcript
  if (!HasFailure()) {
    fs::remove_all(m_dir);
    return;
  }
  std::deque<std::string> last;
  std::ifstream in(m_dir / "t.jsonl");
  for (std::string line; std::getline(in, line);) {
    if (line.find("\"type\":\"braille\"") != std::string::npos) continue;
    last.push_back(line.substr(0, 200));
    if (last.size() > 60) last.pop_front();
  }
  std::cerr << "the transcript's last lines (" << (m_dir / "t.jsonl").string() << "):\n";
  for (const auto& line : last) std::cerr << line << "\n";
}

bool RuntimeTouchTest::shown(const std::string& node_id) const {
  for (const auto& target : m_runtime->layout().targets)
    if (target.node_id == node_id) return true;
  return false;
}

bool RuntimeTouchTest::tap(const std::string& node_id) {
  if (m_options.every_target_inside_frame)
    for (const auto& target : m_runtime->layout().targets) {
      EXPECT_LE(target.rect.x + target.rect.w, m_config->metrics.width) << target.node_id;
      EXPECT_LE(target.rect.y + target.rect.h, m_config->metrics.height) << target.node_id;
    }
  for (const auto& target : m_runtime->layout().targets)
    if (target.node_id == node_id) {
      tap_at(target.rect.x + target.rect.w / 2, target.rect.y + target.rect.h / 2);
      return true;
    }
  return false;
}

void RuntimeTouchTest::touch(const std::string& node_id) {
  for (int page = 0; page < 8 && !shown(node_id) && shown("bar.next_page"); ++page) tap("bar.next_page");
  if (!tap(node_id)) ADD_FAILURE() << "no touch target " << node_id << " on " << screen();
}

void RuntimeTouchTest::digits(const std::string& text) {
  for (char c : text) touch(std::string("pad.") + c);
}

void RuntimeTouchTest::tap_at(int x, int y) {
  m_runtime->touch(x, y, core::TouchKind::Tap);
  settle();
}

void RuntimeTouchTest::settle() {
  const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    m_runtime->poll();
  } while (m_runtime->kiosk().requests_in_flight() > 0 && std::chrono::steady_clock::now() < limit);
  m_runtime->redraw();
}

std::string RuntimeTouchTest::screen() const { return m_runtime->kiosk().tree().screen_id; }

std::string RuntimeTouchTest::text_of(const std::string& node_id) const {
  const core::Node* node = m_runtime->kiosk().tree().find(node_id);
  return node ? m_config->catalog.text(node->name, "zh-CN") : std::string();
}

void RuntimeTouchTest::place_card(const std::string& name, const std::string& id_number, const std::string& valid_to) {
  core::IdCard card;
  card.name = name;
  card.id_number = id_number;
  card.valid_to = valid_to;
  m_runtime->use_fake_card_reader().place(card);
  m_runtime->poll();
  m_runtime->redraw();
}

void RuntimeTouchTest::confirm_by_sms() {
  ASSERT_EQ(screen(), "identify_factor");
  touch("identify_factor.sms");
  ASSERT_EQ(screen(), "verify");
  digits("135790");
  touch("verify.submit");
}

std::string RuntimeTouchTest::transcript() const {
  std::ifstream in(m_dir / "t.jsonl");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace kiosk::testing
