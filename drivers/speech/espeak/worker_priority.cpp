// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/speech/espeak/worker_priority.h"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace kiosk::drivers::speech {
namespace {

// Low on purpose: above every normal thread, below audio servers and IRQ threads.
constexpr int kRealtimePriority = 10;
constexpr int kNiceLevel = -10;

bool set_policy(int policy, int priority) {
  sched_param param{};
  param.sched_priority = priority;
  return pthread_setschedparam(pthread_self(), policy, &param) == 0;
}

}  // namespace

const char* worker_priority_name(WorkerPriorityMode mode) {
  switch (mode) {
    case WorkerPriorityMode::Realtime: return "realtime";
    case WorkerPriorityMode::Nice: return "nice";
    case WorkerPriorityMode::Normal: return "normal";
  }
  return "normal";
}

WorkerPriority::WorkerPriority() {
  pthread_setname_np(pthread_self(), "kiosk-speech");
  const char* allowed = std::getenv("KIOSK_SPEECH_REALTIME");
  if (allowed != nullptr && std::strcmp(allowed, "0") == 0) {
    m_mode = WorkerPriorityMode::Normal;   // asked for plain scheduling (benchmark baseline)
  } else if (set_policy(SCHED_FIFO, kRealtimePriority)) {
    m_mode = WorkerPriorityMode::Realtime;
    m_urgent = true;
  } else if (setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kNiceLevel) == 0) {
    // Linux applies a thread's own id to that thread only.
    m_mode = WorkerPriorityMode::Nice;
  }
  static std::atomic<bool> logged{false};
  if (!logged.exchange(true) && m_mode != WorkerPriorityMode::Realtime && allowed == nullptr) {
    std::fprintf(stderr, "kiosk: speech worker runs at %s priority (no real-time scheduling allowed); "
                 "key-to-speech latency may grow under load\n", worker_priority_name(m_mode));
  }
}

void WorkerPriority::urgent() {
  if (m_mode != WorkerPriorityMode::Realtime || m_urgent) return;
  m_urgent = set_policy(SCHED_FIFO, kRealtimePriority);
}

void WorkerPriority::relaxed() {
  if (m_mode != WorkerPriorityMode::Realtime || !m_urgent) return;
  if (set_policy(SCHED_OTHER, 0)) m_urgent = false;
}

}  // namespace kiosk::drivers::speech
