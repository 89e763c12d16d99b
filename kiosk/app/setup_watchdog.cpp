// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/setup_watchdog.h"

#include <unistd.h>

#include <cstdio>

namespace kiosk::app {

SetUpWatchdog::SetUpWatchdog(std::chrono::milliseconds limit)
    : m_thread([this, limit] {
        std::unique_lock lock(m_mutex);
        if (m_done_changed.wait_for(lock, limit, [this] { return m_done; })) return;
        std::fprintf(stderr,
                     "kiosk: the window was not set up within %lld s (destroyed from outside, or never mapped); "
                     "exiting so the service restarts it\n",
                     static_cast<long long>(limit.count() / 1000));
        std::fflush(stderr);
        _exit(1);   // the main thread is held inside SDL: nothing else can end it
      }) {}

SetUpWatchdog::~SetUpWatchdog() {
  disarm();
  m_thread.join();
}

void SetUpWatchdog::disarm() {
  {
    std::lock_guard lock(m_mutex);
    m_done = true;
  }
  m_done_changed.notify_all();
}

}  // namespace kiosk::app
