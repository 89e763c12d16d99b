// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// In-memory braille display for app tests: records writes, lets the test queue keys
// and connection events. Main thread only.
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "drivers/braille/braille_driver.h"

namespace kiosk::drivers::braille {

class FakeBrailleDriver final : public BrailleDriver {
 public:
  explicit FakeBrailleDriver(int cells = 40) : m_cells(cells) {}
  std::string_view code() const override { return "fake"; }
  int cells() const override { return m_cells; }
  void write(std::string_view cells, int cursor) override {
    if (!writes.empty() && writes.back().first == cells && writes.back().second == cursor) return;
    writes.emplace_back(std::string(cells), cursor);
  }
  std::vector<DriverEvent> drain() override {
    std::vector<DriverEvent> out(m_events.begin(), m_events.end());
    m_events.clear();
    return out;
  }
  void set_wakeup(std::function<void()> wakeup) override { m_wakeup = std::move(wakeup); }

  // Test side.
  void press(core::braille::BrailleKey key) { push({DriverEvent::Kind::Key, key, 0}); }
  void lose() { m_cells = 0; push({DriverEvent::Kind::Lost, {}, 0}); }
  void connect(int cells) { m_cells = cells; push({DriverEvent::Kind::Connected, {}, cells}); }
  const std::string& shown() const { static const std::string none; return writes.empty() ? none : writes.back().first; }
  std::vector<std::pair<std::string, int>> writes;

 private:
  void push(DriverEvent e) {
    m_events.push_back(e);
    if (m_wakeup) m_wakeup();
  }
  int m_cells;
  std::deque<DriverEvent> m_events;
  std::function<void()> m_wakeup;
};

}  // namespace kiosk::drivers::braille
