// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/api/api_base.h"

#include <cstdio>

namespace kiosk::backend {

nlohmann::json outbox_event(const OutboxItemView& item) {
  return {{"type", "outbox"},
          {"ref", item.ref},
          {"state", to_string(item.state)},
          {"reason", item.reason}};
}

ApiBase::ApiBase(BackendConfig config, EventSink sink)
    : m_cfg(std::move(config)), m_sink(std::move(sink)) {
  if (!m_cfg.now_ms) m_cfg.now_ms = system_now_ms;
}

// Subclasses call shutdown() in their own destructor, while their stop_workers() still
// exists; this call is the safety net for the outbox threads (a no-op after that).
ApiBase::~ApiBase() { shutdown(); }

Status ApiBase::start_outbox(std::unique_ptr<Transport> transport) {
  auto main_conn = Outbox::open(m_cfg);
  if (!main_conn) return main_conn.error();
  auto store_conn = Outbox::open(m_cfg);
  if (!store_conn) return store_conn.error();
  OutboxOpenOptions bookkeeping;
  bookkeeping.bookkeeping = true;
  auto sender_conn = Outbox::open(m_cfg, bookkeeping);
  if (!sender_conn) return sender_conn.error();
  m_outbox = std::move(main_conn.value());
  m_store = std::move(store_conn.value());
  m_sender = std::make_unique<OutboxSender>(
      std::move(sender_conn.value()), std::move(transport), m_cfg,
      [this](const SendReport& r) { on_report(r); },
      // The sender's log is bounded (a line per gateway state change, a summary a minute).
      [](const std::string& line) { std::fprintf(stderr, "kiosk: %s\n", line.c_str()); });
  m_sender->start();
  m_store_thread = std::thread([this] { run_store(); });
  return Unit{};
}

void ApiBase::on_report(const SendReport& report) {
  post([this, report] {
    emit(report.request);
    if (!report.state_changed) return;
    emit(outbox_event(report.item));
    if (m_listener) m_listener(report.item);
  });
}

void ApiBase::submit(ApiRequest application, SubmitCallback done) {
  const auto& info = endpoint_info(application.endpoint);
  if (info.kind != CallKind::Application || !m_store) {
    auto e = make_error(ErrorCode::InvalidRequest, std::string(info.name) + " is not an application");
    post([done = std::move(done), e] { done(e); });
    return;
  }
  {
    std::lock_guard lock(m_store_mu);
    if (m_store_stop) {
      post([done = std::move(done)] { done(make_error(ErrorCode::Cancelled, "backend shut down")); });
      return;
    }
    m_store_jobs.push_back({info.name, std::move(application.body), std::move(done)});
  }
  m_store_cv.notify_one();
}

// The store thread: commits submissions (durable before done() and before any send),
// then hands the receipts to the main thread and wakes the sender. What queued up while a
// commit ran goes in one transaction (group commit: one fsync for many); if that fails,
// one by one, so each submission gets its own answer (e.g. outbox_full for the last).
// On shutdown it stores what was already submitted: an application is never dropped.
void ApiBase::run_store() {
  for (;;) {
    std::deque<StoreJob> jobs;
    {
      std::unique_lock lock(m_store_mu);
      m_store_cv.wait(lock, [this] { return m_store_stop || !m_store_jobs.empty(); });
      if (m_store_jobs.empty()) return;
      jobs.swap(m_store_jobs);
    }
    std::vector<OutboxNewItem> batch;
    for (const auto& j : jobs) batch.push_back({j.kind, j.body, {}});
    auto stored = batch.size() > 1 ? m_store->enqueue_batch(batch)
                                   : Result<std::vector<OutboxItemView>>(make_error(ErrorCode::StorageError, ""));
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      auto one = stored ? Result<OutboxItemView>(stored.value()[i]) : m_store->enqueue(jobs[i].kind, jobs[i].body);
      post([this, done = std::move(jobs[i].done), one = std::move(one)] {
        if (!one) return done(one.error());
        emit(outbox_event(one.value()));
        if (m_listener) m_listener(one.value());
        done(SubmitReceipt{one.value().ref, one.value().state});
      });
    }
    if (m_sender) m_sender->wake();
  }
}

int ApiBase::poll() {
  std::list<std::function<void()>> tasks;
  {
    m_poll_wants_wake = true;   // before trying: a poster that holds the lock sees it after
    std::unique_lock lock(m_mu, std::try_to_lock);
    if (!lock.owns_lock()) return 0;   // a hand-over is under way; its wakeup follows
    m_poll_wants_wake = false;
    tasks.swap(m_tasks);
  }
  for (auto& t : tasks) t();
  return static_cast<int>(tasks.size());
}

void ApiBase::set_wakeup(std::function<void()> wakeup) {
  auto shared = wakeup ? std::make_shared<const std::function<void()>>(std::move(wakeup)) : nullptr;
  bool pending = false;
  {
    std::lock_guard lock(m_mu);
    m_wakeup = shared;
    pending = !m_tasks.empty();
  }
  if (shared && pending) (*shared)();   // posted before there was a wakeup: nobody woke for it
}

void ApiBase::set_outbox_listener(std::function<void(const OutboxItemView&)> listener) {
  m_listener = std::move(listener);
}

Result<std::vector<OutboxItemView>> ApiBase::outbox_items() {
  if (!m_outbox) return make_error(ErrorCode::Cancelled, "outbox closed");
  OutboxListQuery first_page;
  first_page.limit = kOutboxItemsMax;
  return m_outbox->items(m_cfg.now_ms(), first_page);
}

Result<OutboxHealth> ApiBase::outbox_health() {
  if (!m_outbox) return make_error(ErrorCode::Cancelled, "outbox closed");
  return m_outbox->health(m_cfg.now_ms());
}

Status ApiBase::retry_outbox(const std::string& ref) {
  if (!m_outbox) return make_error(ErrorCode::Cancelled, "outbox closed");
  auto n = m_outbox->retry(ref, m_cfg.now_ms());
  if (!n) return n.error();
  if (m_sender) m_sender->wake();
  return Unit{};
}

void ApiBase::shutdown() {
  {
    std::lock_guard lock(m_mu);
    if (m_shut) return;
    m_shut = true;
  }
  {
    std::lock_guard lock(m_store_mu);
    m_store_stop = true;
  }
  m_store_cv.notify_all();
  if (m_store_thread.joinable()) m_store_thread.join();
  if (m_sender) m_sender->stop();
  stop_workers();
}

void ApiBase::post(std::function<void()> task) {
  std::list<std::function<void()>> node;
  node.push_back(std::move(task));   // allocated before the lock is taken
  std::shared_ptr<const std::function<void()>> wake;
  bool was_empty = false;
  {
    std::lock_guard lock(m_mu);
    was_empty = m_tasks.empty();
    m_tasks.splice(m_tasks.end(), node);
    wake = m_wakeup;
  }
  // The queue held tasks already: their wakeup is still to be answered by a poll().
  const bool missed = m_poll_wants_wake.exchange(false);
  if (wake && (was_empty || missed)) (*wake)();
}

void ApiBase::emit(const nlohmann::json& event) {
  if (m_sink) m_sink(event);
}

}  // namespace kiosk::backend
