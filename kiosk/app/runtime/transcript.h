// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The transcript (docs/design.md section 5): one JSON object a line, raw UTF-8, each with
// `t` (ms on the kiosk's clock) and `type`. Written only when asked for on the command
// line, because it holds what was spoken. Main thread only.
#include <cstdint>
#include <fstream>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace kiosk::app {

class Transcript {
 public:
  bool open(const std::string& path);           // false when the file cannot be written
  bool is_open() const { return m_out.is_open(); }
  void set_clock(std::function<std::int64_t()> now) { m_now = std::move(now); }
  // Adds "t" and writes the event; `event` must carry "type".
  void write(nlohmann::json event);
  void flush() { if (m_out.is_open()) m_out.flush(); }

 private:
  std::ofstream m_out;
  std::function<std::int64_t()> m_now;
};

}  // namespace kiosk::app
