// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared part of both FederationApi implementations: the main-thread task queue behind
// poll(), the wakeup, the event sink, and the outbox with its background sender.
// Implementations add call() and the sender's Transport.
// Three outbox connections: the store thread commits submissions (synchronous=FULL, so the
// main loop never waits for an fsync), the sender thread sends, and the main thread reads
// the staff view (counts and rows, no fsync) and runs retries.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

#include "kiosk/backend/api/federation_api.h"
#include "kiosk/backend/outbox/outbox.h"
#include "kiosk/backend/outbox/outbox_sender.h"

namespace kiosk::backend {

class ApiBase : public FederationApi {
 public:
  ApiBase(BackendConfig config, EventSink sink);
  ~ApiBase() override;

  // Opens the main-thread outbox connection and starts the sender over `transport`.
  Status start_outbox(std::unique_ptr<Transport> transport);

  void submit(ApiRequest application, SubmitCallback done) override;
  int poll() override;
  void set_wakeup(std::function<void()> wakeup) override;
  void set_outbox_listener(std::function<void(const OutboxItemView&)> listener) override;
  Result<std::vector<OutboxItemView>> outbox_items() override;
  Result<OutboxHealth> outbox_health() override;
  Status retry_outbox(const std::string& ref) override;
  void shutdown() override;

 protected:
  // Any thread: runs `task` on the main thread in the next poll() and wakes the app.
  void post(std::function<void()> task);
  // Main thread (inside a posted task): emits to the event sink if one is set.
  void emit(const nlohmann::json& event);
  // Subclasses stop their workers here (called once from shutdown()).
  virtual void stop_workers() {}

  BackendConfig m_cfg;

 private:
  void on_report(const SendReport& report);
  void run_store();
  struct StoreJob {
    std::string kind;
    nlohmann::json body;
    SubmitCallback done;
  };

  EventSink m_sink;
  std::function<void(const OutboxItemView&)> m_listener;
  std::unique_ptr<Outbox> m_outbox;       // main thread: staff view and retries
  std::unique_ptr<Outbox> m_store;        // store thread: enqueues
  std::unique_ptr<OutboxSender> m_sender;
  std::mutex m_store_mu;
  std::condition_variable m_store_cv;
  std::deque<StoreJob> m_store_jobs;
  bool m_store_stop = false;
  std::thread m_store_thread;
  // The hand-over to the main thread. post() (any thread, the sender at nice +10 among
  // them) holds m_mu only to splice a ready node and copy a pointer, never to allocate;
  // poll() never waits for it (try_lock), so a worker descheduled while holding it cannot
  // stall the main loop: the worker wakes the loop again after it lets go. Wakeups are
  // coalesced: only the post that finds the queue empty wakes the loop (a draining backlog
  // posts thousands of reports; each wake is an SDL event and a turn of the loop), or one
  // that follows a poll() that could not take the lock (m_poll_wants_wake).
  std::atomic<bool> m_poll_wants_wake{false};
  std::mutex m_mu;
  std::list<std::function<void()>> m_tasks;
  std::shared_ptr<const std::function<void()>> m_wakeup;
  bool m_shut = false;
};

nlohmann::json outbox_event(const OutboxItemView& item);

}  // namespace kiosk::backend
