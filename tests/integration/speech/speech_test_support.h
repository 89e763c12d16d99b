// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers for the speech integration tests: waiting on conditions (never a timed
// assertion: the deadline is only a hang guard) and collecting driver events.
#include <chrono>
#include <functional>
#include <thread>
#include <vector>

#include "drivers/speech/speech_driver.h"
#include "kiosk/core/text/normaliser.h"

namespace speech_test {

inline bool wait_until(const std::function<bool()>& done,
                       std::chrono::milliseconds guard = std::chrono::seconds(30)) {
  const auto deadline = std::chrono::steady_clock::now() + guard;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

struct EventLog {
  std::vector<kiosk::drivers::speech::SpeechEvent> events;
  void pump(kiosk::drivers::speech::SpeechDriver& d) {
    for (auto& e : d.drain_events()) events.push_back(std::move(e));
  }
  bool has(kiosk::drivers::speech::SpeechEventKind kind, std::uint64_t id) const {
    for (const auto& e : events) {
      if (e.kind == kind && e.utterance_id == id) return true;
    }
    return false;
  }
  // Waits (pumping on this thread, as the app's main loop would) for an event.
  bool wait_for(kiosk::drivers::speech::SpeechDriver& d, kiosk::drivers::speech::SpeechEventKind kind,
                std::uint64_t id) {
    return wait_until([&] {
      pump(d);
      return has(kind, id);
    });
  }
};

inline kiosk::drivers::speech::Utterance utterance(std::uint64_t id, const std::string& text,
                                                   int rate = 100, int volume = 10) {
  kiosk::drivers::speech::Utterance u;
  u.id = id;
  u.runs = kiosk::core::speech::normalise(text).runs;
  u.rate_percent = rate;
  u.volume = volume;
  return u;
}

}  // namespace speech_test
