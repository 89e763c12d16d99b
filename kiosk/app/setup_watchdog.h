// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Ends the process when the window is not set up in time. SDL waits for the X server to
// map a new window without a timeout; a window destroyed before it was mapped, or one a
// misbehaving window manager never maps, would hold the kiosk before its first frame
// forever instead of letting the service manager restart it. Exit 1 with one clear line.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace kiosk::app {

class SetUpWatchdog {
 public:
  explicit SetUpWatchdog(std::chrono::milliseconds limit);
  ~SetUpWatchdog();   // disarms
  SetUpWatchdog(const SetUpWatchdog&) = delete;
  SetUpWatchdog& operator=(const SetUpWatchdog&) = delete;

  void disarm();   // the window is set up

 private:
  std::mutex m_mutex;
  std::condition_variable m_done_changed;
  bool m_done = false;
  std::thread m_thread;
};

}  // namespace kiosk::app
