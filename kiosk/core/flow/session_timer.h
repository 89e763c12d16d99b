// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Inactivity handling (docs/accessibility.md T1): after `idle` without input a warning,
// repeated as a beep every `beep_every`; any input extends; after `answer` more the
// session ends. Times are milliseconds on whatever clock the caller uses (the virtual
// clock in headless runs). No per-step timers exist anywhere else.
#include <cstdint>

namespace kiosk::core {

enum class SessionPhase { None, Active, Warning };
// Countdown: the whole seconds left to answer the warning changed (issue 12: the
// warning counts down on screen every second).
enum class TimerEvent { None, Warning, WarningBeep, Countdown, Expired };

class SessionTimer {
 public:
  SessionTimer(std::int64_t idle_ms = 180'000, std::int64_t answer_ms = 45'000,
               std::int64_t beep_every_ms = 10'000);

  void start(std::int64_t now);
  void stop();
  // Any input. Returns true when it extended a warned session.
  bool input(std::int64_t now);
  TimerEvent tick(std::int64_t now);
  SessionPhase phase() const { return m_phase; }
  // When tick() next has something to do; -1 when nothing is pending.
  std::int64_t next_deadline() const;
  std::int64_t idle_ms() const { return m_idle; }
  std::int64_t answer_ms() const { return m_answer; }
  // Whole seconds (rounded up) left to answer the warning at `now`; 0 outside it.
  std::int64_t seconds_left(std::int64_t now) const;

 private:
  std::int64_t m_idle, m_answer, m_beep_every;
  SessionPhase m_phase = SessionPhase::None;
  std::int64_t m_last_input = 0;
  std::int64_t m_next_beep = 0;
  std::int64_t m_shown_left = 0;   // seconds_left at the last Warning/Countdown/beep
};

}  // namespace kiosk::core
