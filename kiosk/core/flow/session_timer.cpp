// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/flow/session_timer.h"

namespace kiosk::core {

SessionTimer::SessionTimer(std::int64_t idle_ms, std::int64_t answer_ms, std::int64_t beep_every_ms)
    : m_idle(idle_ms), m_answer(answer_ms), m_beep_every(beep_every_ms) {}

void SessionTimer::start(std::int64_t now) {
  m_phase = SessionPhase::Active;
  m_last_input = now;
}

void SessionTimer::stop() { m_phase = SessionPhase::None; }

bool SessionTimer::input(std::int64_t now) {
  if (m_phase == SessionPhase::None) return false;
  const bool extended = m_phase == SessionPhase::Warning;
  m_phase = SessionPhase::Active;
  m_last_input = now;
  return extended;
}

TimerEvent SessionTimer::tick(std::int64_t now) {
  switch (m_phase) {
    case SessionPhase::None:
      return TimerEvent::None;
    case SessionPhase::Active:
      if (now - m_last_input < m_idle) return TimerEvent::None;
      m_phase = SessionPhase::Warning;
      m_next_beep = m_last_input + m_idle + m_beep_every;
      m_shown_left = seconds_left(now);
      return TimerEvent::Warning;
    case SessionPhase::Warning:
      if (now - m_last_input >= m_idle + m_answer) {
        m_phase = SessionPhase::None;
        return TimerEvent::Expired;
      }
      if (now >= m_next_beep) {
        m_next_beep += m_beep_every;
        m_shown_left = seconds_left(now);
        return TimerEvent::WarningBeep;
      }
      if (seconds_left(now) != m_shown_left) {
        m_shown_left = seconds_left(now);
        return TimerEvent::Countdown;
      }
      return TimerEvent::None;
  }
  return TimerEvent::None;
}

std::int64_t SessionTimer::seconds_left(std::int64_t now) const {
  if (m_phase != SessionPhase::Warning) return 0;
  const std::int64_t left = m_last_input + m_idle + m_answer - now;
  return left <= 0 ? 0 : (left + 999) / 1000;
}

std::int64_t SessionTimer::next_deadline() const {
  switch (m_phase) {
    case SessionPhase::None: return -1;
    case SessionPhase::Active: return m_last_input + m_idle;
    case SessionPhase::Warning: {
      const std::int64_t expiry = m_last_input + m_idle + m_answer;
      // The next whole second of the countdown: when seconds_left drops below m_shown_left.
      const std::int64_t next_second = expiry - (m_shown_left - 1) * 1000;
      std::int64_t deadline = m_next_beep < expiry ? m_next_beep : expiry;
      return next_second < deadline ? next_second : deadline;
    }
  }
  return -1;
}

}  // namespace kiosk::core
