// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/outbox/outbox_sender.h"

#include <algorithm>
#include <chrono>

namespace kiosk::backend {

OutboxSender::OutboxSender(std::unique_ptr<Outbox> outbox, std::unique_ptr<Transport> transport,
                           std::function<std::int64_t()> now_ms, Report report)
    : m_outbox(std::move(outbox)),
      m_transport(std::move(transport)),
      m_now(std::move(now_ms)),
      m_report(std::move(report)) {}

OutboxSender::~OutboxSender() { stop(); }

void OutboxSender::start() {
  if (!m_thread.joinable()) m_thread = std::thread([this] { run(); });
}

void OutboxSender::wake() {
  {
    std::lock_guard lock(m_mu);
    m_woken = true;
  }
  m_cv.notify_all();
}

void OutboxSender::stop() {
  {
    std::lock_guard lock(m_mu);
    m_stop = true;
  }
  m_cv.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

Result<bool> OutboxSender::send_one() {
  auto due = m_outbox->next_due(m_now());
  if (!due) return due.error();
  if (!due.value()) return false;
  const auto& p = *due.value();
  auto before = m_outbox->item(p.ref, m_now());
  const auto endpoint = endpoint_from_name(p.kind);
  ApiRequest req;
  ApiResult result = make_error(ErrorCode::InvalidRequest, "unknown outbox kind");
  if (endpoint) {
    req.endpoint = *endpoint;
    req.body = p.body;
    result = m_transport->send(req, p.idempotency_key);
  }
  const auto now = m_now();
  Status marked = Unit{};
  if (result.ok()) {
    const auto& b = result->body;
    const std::string case_id = delivered_case_id(b);
    marked = m_outbox->mark_delivered(p.id, case_id, now);
  } else {
    marked = m_outbox->mark_failed_attempt(p.id, result.error(), now);
  }
  if (!marked) return marked.error();
  auto view = m_outbox->item(p.ref, now);
  if (view && m_report) {
    SendReport r;
    r.item = view.value();
    r.request = request_event(req, result);
    // Repeated identical failures are not news; a new state or reason is.
    r.state_changed = !before || before->state != r.item.state || before->reason != r.item.reason;
    m_report(r);
  }
  return true;
}

Result<int> OutboxSender::send_due_now() {
  int n = 0;
  for (;;) {
    auto r = send_one();
    if (!r) return r.error();
    if (!r.value()) return n;
    ++n;
  }
}

void OutboxSender::run() {
  for (;;) {
    {
      std::lock_guard lock(m_mu);
      if (m_stop) return;
      m_woken = false;
    }
    auto r = send_one();
    if (r && r.value()) continue;
    // Nothing due (or a storage error): sleep until the next item is due, a wake, or a
    // minute (the stop-after-days rule and alarms are re-evaluated then).
    std::int64_t wait_ms = 60000;
    if (r) {
      auto until = m_outbox->ms_until_due(m_now());
      if (until && until.value()) wait_ms = std::clamp<std::int64_t>(*until.value(), 1, 60000);
    }
    std::unique_lock lock(m_mu);
    m_cv.wait_for(lock, std::chrono::milliseconds(wait_ms), [this] { return m_stop || m_woken; });
  }
}

}  // namespace kiosk::backend
