// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/api/api_base.h"

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

ApiBase::~ApiBase() {
  // Subclasses call shutdown() in their own destructor; this is the safety net.
  if (m_sender) m_sender->stop();
}

Status ApiBase::start_outbox(std::unique_ptr<Transport> transport) {
  auto main_conn = Outbox::open(m_cfg);
  if (!main_conn) return main_conn.error();
  auto sender_conn = Outbox::open(m_cfg);
  if (!sender_conn) return sender_conn.error();
  m_outbox = std::move(main_conn.value());
  m_sender = std::make_unique<OutboxSender>(std::move(sender_conn.value()), std::move(transport),
                                            m_cfg.now_ms,
                                            [this](const SendReport& r) { on_report(r); });
  m_sender->start();
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
  if (info.kind != CallKind::Application || !m_outbox) {
    auto e = make_error(ErrorCode::InvalidRequest, std::string(info.name) + " is not an application");
    post([done = std::move(done), e] { done(e); });
    return;
  }
  auto stored = m_outbox->enqueue(info.name, application.body);
  if (!stored) {
    post([done = std::move(done), e = stored.error()] { done(e); });
    return;
  }
  const OutboxItemView item = stored.value();
  post([this, done = std::move(done), item] {
    emit(outbox_event(item));
    if (m_listener) m_listener(item);
    done(SubmitReceipt{item.ref, item.state});
  });
  if (m_sender) m_sender->wake();
}

int ApiBase::poll() {
  std::deque<std::function<void()>> tasks;
  {
    std::lock_guard lock(m_mu);
    tasks.swap(m_tasks);
  }
  for (auto& t : tasks) t();
  return static_cast<int>(tasks.size());
}

void ApiBase::set_wakeup(std::function<void()> wakeup) {
  std::lock_guard lock(m_mu);
  m_wakeup = std::move(wakeup);
}

void ApiBase::set_outbox_listener(std::function<void(const OutboxItemView&)> listener) {
  m_listener = std::move(listener);
}

Result<std::vector<OutboxItemView>> ApiBase::outbox_items() {
  if (!m_outbox) return make_error(ErrorCode::Cancelled, "outbox closed");
  return m_outbox->items(m_cfg.now_ms());
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
  if (m_sender) m_sender->stop();
  stop_workers();
}

void ApiBase::post(std::function<void()> task) {
  std::function<void()> wake;
  {
    std::lock_guard lock(m_mu);
    m_tasks.push_back(std::move(task));
    wake = m_wakeup;
  }
  if (wake) wake();
}

void ApiBase::emit(const nlohmann::json& event) {
  if (m_sink) m_sink(event);
}

}  // namespace kiosk::backend
