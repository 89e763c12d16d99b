// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Background sender: takes due outbox items one at a time, sends them through a
// Transport with their stored idempotency key and marks the result. Delivery is at
// least once; the key makes the effect exactly once. Owns its own Outbox connection.
// start()/wake()/stop() may be called from any thread; the report callback runs on the
// sender thread (the api forwards it to the main thread).
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "kiosk/backend/outbox/outbox.h"
#include "kiosk/backend/api/transport.h"

namespace kiosk::backend {

struct SendReport {
  OutboxItemView item;     // state after the attempt
  nlohmann::json request;  // {"type":"request",...}
  bool state_changed = false;
};

class OutboxSender {
 public:
  using Report = std::function<void(const SendReport&)>;
  OutboxSender(std::unique_ptr<Outbox> outbox, std::unique_ptr<Transport> transport,
               std::function<std::int64_t()> now_ms, Report report);
  ~OutboxSender();
  void start();
  void wake();
  void stop();
  // Tools: sends every item due now on the calling thread (no thread started). Returns
  // the number of attempts made; stops early on a storage error.
  Result<int> send_due_now();

 private:
  void run();
  // One attempt at the next due item; false when none was due.
  Result<bool> send_one();

  std::unique_ptr<Outbox> m_outbox;
  std::unique_ptr<Transport> m_transport;
  std::function<std::int64_t()> m_now;
  Report m_report;
  std::mutex m_mu;
  std::condition_variable m_cv;
  bool m_stop = false;
  bool m_woken = false;
  std::thread m_thread;
};

}  // namespace kiosk::backend
