// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The countdown of a slot hold (docs/domain.md section 6: 10 minutes, extendable once), on
// the Kiosk's clock (the virtual clock when headless). Pure: no threads, no I/O.
//
// The screen shows whole minutes left, rounded up ("还剩10分钟" right after the hold); the
// display changes at each whole minute before the expiry, and the resident is told at 5, 2
// and 1 minutes left. start() again (an extension) restarts the marks from the new expiry.
// Times are ms on one clock; a late tick that crosses several marks reports the last one.
#include <cstdint>

namespace kiosk::services::booking {

class HoldClock {
 public:
  struct Step {
    bool changed = false;   // minutes_left changed: the screen shows it again
    int announce = 0;       // 5, 2 or 1: say how many minutes are left; 0 = nothing to say
    bool expired = false;   // the hold is over (the clock stops)
  };

  // The hold runs from `now` for `duration_ms` (> 0).
  void start(std::int64_t now, std::int64_t duration_ms);
  void stop() { m_expires = -1; }
  bool running() const { return m_expires >= 0; }
  std::int64_t expires_at() const { return m_expires; }
  // Whole minutes left, rounded up; 0 once expired or stopped.
  int minutes_left(std::int64_t now) const;
  // When tick() has something to do next; -1 (kNoDeadline) when stopped.
  std::int64_t next_deadline() const { return running() ? m_next : -1; }
  Step tick(std::int64_t now);

 private:
  std::int64_t m_expires = -1;
  std::int64_t m_next = -1;   // the next whole-minute mark (or the expiry)
};

}  // namespace kiosk::services::booking
