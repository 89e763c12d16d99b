// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Scheduling of the speech worker (docs/accessibility.md S1: a key's first sample queued
// within 2 ms, also while layout, rendering or another process keep the CPUs busy).
//
// While it waits for work (and while the last utterance plays out) the worker is
// real-time (SCHED_FIFO, a low priority), so a new utterance wakes it ahead of every
// normal thread. Once the first chunk of an utterance is queued it drops back to normal
// scheduling: the rest is synthesized seconds ahead of playback and must not hold a core
// at real-time priority. Without the right to real-time scheduling (CAP_SYS_NICE, or
// RLIMIT_RTPRIO as systemd's LimitRTPRIO gives) it raises its nice level instead, or
// stays as it is; mode() says which, and the first worker logs it once.
// KIOSK_SPEECH_REALTIME=0 in the environment keeps plain scheduling (the benchmark's
// baseline, or a host where real-time threads are not wanted).
//
// Construct and call on the worker thread only.
namespace kiosk::drivers::speech {

enum class WorkerPriorityMode { Realtime, Nice, Normal };
const char* worker_priority_name(WorkerPriorityMode mode);   // "realtime" | "nice" | "normal"

class WorkerPriority {
 public:
  WorkerPriority();   // finds out, by trying, what the process may do
  void urgent();      // waiting for work: be first to run when it comes
  void relaxed();     // the first chunk is queued: synthesize the rest as a normal thread
  WorkerPriorityMode mode() const { return m_mode; }

 private:
  WorkerPriorityMode m_mode = WorkerPriorityMode::Normal;
  bool m_urgent = false;
};

}  // namespace kiosk::drivers::speech
