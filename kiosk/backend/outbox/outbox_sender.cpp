// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/outbox/outbox_sender.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

namespace kiosk::backend {
namespace {

// The gateway as a whole is out of reach: every other item would fail the same way.
bool unreachable(const ApiError& e) {
  return e.code == ErrorCode::BackendUnreachable || e.code == ErrorCode::Timeout ||
         e.code == ErrorCode::TlsFailure;
}

}  // namespace

OutboxSender::OutboxSender(std::unique_ptr<Outbox> outbox, std::unique_ptr<Transport> transport,
                           const BackendConfig& config, Report report, Log log)
    : m_outbox(std::move(outbox)),
      m_transport(std::move(transport)),
      m_cfg(config),
      m_report(std::move(report)),
      m_log(std::move(log)) {
  if (!m_cfg.now_ms) m_cfg.now_ms = system_now_ms;
  m_period_start_ms = m_cfg.now_ms();
}

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

void OutboxSender::log(const std::string& line) {
  if (!m_log) return;
  if (m_period_lines >= kLogLinesPerPeriod) {
    ++m_suppressed;
    return;
  }
  ++m_period_lines;
  m_log(line.substr(0, 200));
}

void OutboxSender::summarize(bool force) {
  const auto now = m_cfg.now_ms();
  if (!force && now - m_period_start_ms < m_cfg.sender_summary_ms) return;
  // A quiet, empty outbox has nothing to say.
  if (m_log && (force || m_attempts > 0 || m_suppressed > 0 || !m_drained)) {
    auto h = m_outbox->health(now);
    std::string line = "outbox: ";
    if (h) {
      line += std::to_string(h->queued) + " queued, " + std::to_string(h->failed) + " failed, ";
    }
    line += std::to_string(m_delivered) + " delivered and " + std::to_string(m_attempts) +
            " attempts since the last summary; gateway " + (m_down ? "unreachable" : "reachable");
    if (m_suppressed > 0) line += "; " + std::to_string(m_suppressed) + " log lines left out";
    m_log(line);
  }
  m_period_start_ms = now;
  m_period_lines = 0;
  m_suppressed = 0;
  m_attempts = 0;
  m_delivered = 0;
}

void OutboxSender::trip(std::int64_t now, const ApiError& why) {
  const bool was_down = m_down;
  m_probe_step = was_down ? std::min(m_probe_step + 1, 62) : 1;
  m_down = true;
  const std::int64_t delay = std::max<std::int64_t>(
      1, backoff_delay_ms(m_cfg.sender_backoff_initial_ms, m_cfg.sender_backoff_max_ms, m_probe_step));
  m_next_probe_ms = now + delay;
  if (!was_down)
    log(std::string("outbox: gateway unreachable (") + to_string(why.code) +
        "); one probe per pass from now on, the first in " + std::to_string(delay) + " ms");
}

Result<int> OutboxSender::send_group(std::vector<Outbox::Pending> group) {
  std::vector<Outgoing> out;
  std::vector<std::optional<Endpoint>> endpoints;
  for (const auto& p : group) {
    endpoints.push_back(endpoint_from_name(p.kind));
    ApiRequest req;
    if (endpoints.back()) req.endpoint = *endpoints.back();
    req.body = p.body;
    out.push_back({std::move(req), p.idempotency_key});
  }
  // Unknown kinds are never sent; the rest go out together.
  std::vector<Outgoing> sendable;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (endpoints[i]) sendable.push_back(out[i]);
  auto sent = m_transport->send_all(sendable);
  std::vector<ApiResult> results;
  for (std::size_t i = 0, k = 0; i < out.size(); ++i)
    results.push_back(endpoints[i] ? std::move(sent[k++])
                                   : ApiResult(make_error(ErrorCode::InvalidRequest, "unknown outbox kind")));
  const auto now = m_cfg.now_ms();
  if (auto s = m_outbox->begin_batch(); !s) return s.error();
  int down = 0;
  for (std::size_t i = 0; i < group.size(); ++i) {
    ++m_attempts;
    Status marked = Unit{};
    if (results[i].ok()) {
      ++m_delivered;
      marked = m_outbox->mark_delivered(group[i].id, delivered_case_id(results[i]->body), now);
    } else {
      if (unreachable(results[i].error())) ++down;
      marked = m_outbox->mark_failed_attempt(group[i].id, results[i].error(), now);
    }
    if (!marked) return marked.error();   // the batch rolls back; those items stay due
  }
  if (auto s = m_outbox->commit_batch(); !s) return s.error();
  if (auto s = m_outbox->checkpoint_if_due(); !s) return s.error();
  for (std::size_t i = 0; i < group.size() && m_report; ++i) {
    auto view = m_outbox->item(group[i].ref, now);
    if (!view) continue;
    SendReport r;
    r.item = view.value();
    r.request = request_event(out[i].request, results[i]);
    // Repeated identical failures are not news; a new state or reason is.
    r.state_changed = r.item.state != OutboxState::Queued || r.item.reason != group[i].reason;
    m_report(r);
  }
  return down;
}

Result<int> OutboxSender::pass() {
  const auto start = m_cfg.now_ms();
  bool woken = false;
  {
    std::lock_guard lock(m_mu);
    std::swap(woken, m_woken);
  }
  // Retention, whatever the gateway's state: at most once per kRetentionEveryMs.
  if (start >= m_next_retention_ms) {
    m_next_retention_ms = start + kRetentionEveryMs;
    auto pruned = m_outbox->prune_delivered(start);
    if (!pruned) return pruned.error();
    if (pruned.value() > 0)
      log("outbox: " + std::to_string(pruned.value()) + " delivered item(s) past " +
          std::to_string(m_cfg.outbox_keep_delivered_days) + " days deleted");
  }
  // A new item may probe early, but never more often than the first back-off step.
  const bool early = woken && start - m_last_probe_ms >= m_cfg.sender_backoff_initial_ms;
  if (m_down && start < m_next_probe_ms && !early) return 0;
  // The probe: the first item due (stop_overdue first, so a stopped item is never sent).
  auto probe = m_outbox->next_due(start);
  if (!probe) return probe.error();
  if (!probe.value()) {
    if (!m_drained) {
      auto left = m_outbox->ms_until_due(start);
      m_drained = left && !left.value();
      if (m_drained)
        if (auto s = m_outbox->compact_if_drained(); !s) return s.error();
    }
    return 0;
  }
  m_drained = false;
  const std::int64_t probe_id = probe.value()->id;
  m_last_probe_ms = start;
  {
    auto down = send_group({std::move(*probe.value())});
    if (!down) return down.error();
    if (down.value() > 0) {
      trip(m_cfg.now_ms(), make_error(ErrorCode::BackendUnreachable, ""));
      return 1;
    }
  }
  if (m_down) log("outbox: gateway reachable again; sending the backlog");
  m_down = false;
  int attempts = 1;
  // The snapshot: what was due when the pass began, each at most once.
  auto ids = m_outbox->due_ids(start, kSnapshotMax);
  if (!ids) return ids.error();
  const int width = std::max(1, m_transport->max_in_flight());
  std::vector<Outbox::Pending> group;
  for (std::size_t i = 0; i < ids->size(); ++i) {
    if ((*ids)[i] != probe_id) {  // the probe was sent already
      auto p = m_outbox->load_queued((*ids)[i]);
      if (!p) return p.error();
      if (p.value()) group.push_back(std::move(*p.value()));
    }
    if (static_cast<int>(group.size()) < width && i + 1 < ids->size()) continue;
    if (group.empty()) continue;
    const int n = static_cast<int>(group.size());
    auto down = send_group(std::move(group));
    group.clear();
    if (!down) return down.error();
    attempts += n;
    if (down.value() == n) {  // the gateway went away during the pass
      trip(m_cfg.now_ms(), make_error(ErrorCode::BackendUnreachable, ""));
      break;
    }
    std::lock_guard lock(m_mu);
    if (m_stop) break;
  }
  return attempts;
}

Result<int> OutboxSender::send_due_now() { return pass(); }

Result<std::optional<std::int64_t>> OutboxSender::next_pass_in_ms() {
  const auto now = m_cfg.now_ms();
  auto until = m_outbox->ms_until_due(now);
  if (!until) return until.error();
  if (!until.value()) return std::optional<std::int64_t>{};
  std::int64_t ms = *until.value();
  if (m_down) ms = std::max<std::int64_t>(ms, m_next_probe_ms - now);
  return std::optional<std::int64_t>{std::max<std::int64_t>(0, ms)};
}

void OutboxSender::run() {
  // Draining a backlog is background work: speech and sign video on the same two cores
  // come first (nice +10 for this thread only; Linux schedules threads by their own nice).
  (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
  bool storage_error_logged = false;
  for (;;) {
    {
      std::lock_guard lock(m_mu);
      if (m_stop) return;
    }
    auto r = pass();
    summarize();
    // Sleep until the next pass has work, a wake, or a minute (the stop-after-days rule
    // and the summary are looked at then).
    std::int64_t wait_ms = 60000;
    if (r) {
      storage_error_logged = false;
      auto next = next_pass_in_ms();
      if (next && next.value()) wait_ms = std::clamp<std::int64_t>(*next.value(), 0, 60000);
    } else if (!storage_error_logged) {
      storage_error_logged = true;
      log(std::string("outbox: storage error (") + to_string(r.error().code) + "); trying again in a minute");
    }
    wait_ms = std::min<std::int64_t>(wait_ms, std::max<std::int64_t>(1, m_cfg.sender_summary_ms));
    if (wait_ms == 0) continue;
    std::unique_lock lock(m_mu);
    m_cv.wait_for(lock, std::chrono::milliseconds(wait_ms), [this] { return m_stop || m_woken; });
  }
}

}  // namespace kiosk::backend
