// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/booking/hold_clock.h"

namespace kiosk::services::booking {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;

bool spoken_mark(std::int64_t minutes) { return minutes == 5 || minutes == 2 || minutes == 1; }

// The first whole-minute mark before `expires` that is later than `now`.
std::int64_t next_mark(std::int64_t now, std::int64_t expires) {
  if (now >= expires) return expires;
  const std::int64_t left = expires - now;
  const std::int64_t marks_left = (left + kMinuteMs - 1) / kMinuteMs - 1;   // marks strictly after now
  return expires - marks_left * kMinuteMs;
}

}  // namespace

void HoldClock::start(std::int64_t now, std::int64_t duration_ms) {
  if (duration_ms <= 0) duration_ms = 1;
  m_expires = now + duration_ms;
  m_next = next_mark(now, m_expires);
}

int HoldClock::minutes_left(std::int64_t now) const {
  if (!running() || now >= m_expires) return 0;
  return static_cast<int>((m_expires - now + kMinuteMs - 1) / kMinuteMs);
}

HoldClock::Step HoldClock::tick(std::int64_t now) {
  Step step;
  if (!running() || now < m_next) return step;
  if (now >= m_expires) {
    step.changed = true;
    step.expired = true;
    stop();
    return step;
  }
  // Every mark crossed since the last tick: the last one that is spoken wins.
  while (m_next <= now && m_next < m_expires) {
    const std::int64_t minutes = (m_expires - m_next) / kMinuteMs;
    if (spoken_mark(minutes)) step.announce = static_cast<int>(minutes);
    step.changed = true;
    m_next += kMinuteMs;
  }
  if (m_next > m_expires) m_next = m_expires;
  return step;
}

}  // namespace kiosk::services::booking
