// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Background sender: sends due outbox items through a Transport with their stored
// idempotency key and marks the results. Delivery is at least once; the key makes the
// effect exactly once. Owns its own Outbox connection (open it with bookkeeping = true).
//
// Passes (docs/design.md, outbox): a pass snapshots the ids due at its start and sends
// each at most once, so items that come due again during it wait for the next pass. Its
// first send goes alone and is the probe: if the gateway is unreachable (no connection,
// timeout, TLS refused) the pass ends there and a circuit breaker holds further passes
// back (exponential, jittered, capped at sender_backoff_max_ms): one attempt per pass,
// not one per item. Otherwise the rest goes out sender_max_in_flight at a time, their
// marks committed together. Per-item back-off (Outbox::mark_failed_attempt) still applies.
// Retention (delivered items past outbox_keep_delivered_days) runs here too, hourly.
//
// start()/wake()/stop() may be called from any thread; the report and log callbacks run on
// the sender thread (or the caller of send_due_now). The log gets one line per change of
// the gateway's state and at most one summary per sender_summary_ms; other lines beyond
// kLogLinesPerPeriod in a period are counted in the next summary instead (log bound).
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
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
  using Log = std::function<void(const std::string& line)>;  // one line, no newline, no personal data
  static constexpr int kLogLinesPerPeriod = 20;
  static constexpr int kSnapshotMax = 100000;  // ids per pass (8 bytes each)
  // Retention (Outbox::prune_delivered) runs in the first pass and then at most this often.
  static constexpr std::int64_t kRetentionEveryMs = 3600000;

  OutboxSender(std::unique_ptr<Outbox> outbox, std::unique_ptr<Transport> transport,
               const BackendConfig& config, Report report, Log log = {});
  ~OutboxSender();
  void start();
  // Something was enqueued or retried: run a pass soon (a probe at most once per
  // sender_backoff_initial_ms while the gateway is down).
  void wake();
  void stop();
  // Tools and tests: one pass on the calling thread (no thread started). Returns the number
  // of attempts made; stops early on a storage error.
  Result<int> send_due_now();
  // When the next pass has work: 0 = now; nullopt = nothing queued. Calling thread.
  Result<std::optional<std::int64_t>> next_pass_in_ms();
  bool gateway_down() const { return m_down; }
  // Logs a summary if one is due (run() does this itself). Calling thread.
  void summarize(bool force = false);

 private:
  void run();
  Result<int> pass();
  // Sends `group` together and marks the results in one transaction. Returns how many
  // failed because the gateway could not be reached.
  Result<int> send_group(std::vector<Outbox::Pending> group);
  void trip(std::int64_t now, const ApiError& why);
  void log(const std::string& line);

  std::unique_ptr<Outbox> m_outbox;
  std::unique_ptr<Transport> m_transport;
  BackendConfig m_cfg;
  Report m_report;
  Log m_log;
  // Breaker and log state: the sending thread only.
  bool m_down = false;
  std::int64_t m_next_retention_ms = 0;
  int m_probe_step = 0;   // back-off step of the next probe (backoff_delay_ms)
  std::int64_t m_next_probe_ms = 0;
  std::int64_t m_last_probe_ms = 0;
  std::int64_t m_period_start_ms = 0;
  int m_period_lines = 0;
  int m_suppressed = 0;
  int m_attempts = 0;    // since the last summary
  int m_delivered = 0;   // since the last summary
  bool m_drained = true; // nothing was queued at the end of the last pass
  // Shared with wake()/stop().
  std::mutex m_mu;
  std::condition_variable m_cv;
  bool m_stop = false;
  bool m_woken = false;
  std::thread m_thread;
};

}  // namespace kiosk::backend
