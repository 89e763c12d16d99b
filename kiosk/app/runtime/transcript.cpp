// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/runtime/transcript.h"

namespace kiosk::app {

bool Transcript::open(const std::string& path) {
  m_out.open(path, std::ios::out | std::ios::trunc | std::ios::binary);
  return m_out.is_open();
}

void Transcript::write(nlohmann::json event) {
  if (!m_out.is_open()) return;
  // "t" and "type" first, the rest as given: easier to read by eye and with grep.
  nlohmann::ordered_json line;
  line["t"] = m_now ? m_now() : 0;
  line["type"] = event.value("type", "");
  for (auto& [key, value] : event.items())
    if (key != "type") line[key] = value;
  m_out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  m_out.flush();   // a killed run still leaves every event written so far
}

}  // namespace kiosk::app
