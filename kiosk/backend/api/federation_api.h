// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FederationApi: the kiosk's one door to the provincial federation gateway.
//
// Threading contract (the event loop never blocks on the network):
// - Every member is called on the MAIN thread only.
// - call()/submit() return at once. Their callbacks, the outbox listener and the event
//   sink run on the main thread, inside poll(), never inside call() or submit().
// - Worker threads (http transfers, the outbox sender) only push finished work into a
//   queue and then invoke the wakeup function (from THEIR thread); the app uses it to
//   wake its SDL loop (e.g. SDL_PushEvent), which then calls poll().
// - submit() only queues the application: the outbox's store thread commits it
//   (synchronous=FULL) and the receipt comes in poll(). The staff view (outbox_items,
//   outbox_health: counts, no fsync) and retry_outbox are the only SQLite use on the main
//   thread; nothing touches the network there (tests/bench/backend measures the loop).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/backend/api/api_types.h"
#include "kiosk/backend/api/backend_config.h"
#include "kiosk/backend/api/endpoints.h"

namespace kiosk::backend {

// Receives transcript events, exactly in the shape of docs/design.md section 5 minus "t"
// (the app adds it):
//   {"type":"request","kind":"live|application","method":"POST","path":"/v1/...","status":201}
//     (+ "error":"<code>" when no usable answer came; status is 0 without an HTTP answer)
//   {"type":"outbox","ref":"...","state":"queued|delivered|failed","reason":"..."}
// Paths never hold personal data (only opaque references). Main thread.
using EventSink = std::function<void(const nlohmann::json&)>;

struct ApiResponse {
  int status = 0;          // HTTP status (200, 201, 202)
  nlohmann::json body;     // parsed JSON; has "data_as_of" for every gateway answer
};
using ApiResult = Result<ApiResponse>;
using Callback = std::function<void(ApiResult)>;

enum class OutboxState { Queued, Delivered, Failed };
const char* to_string(OutboxState s);

// What residents and staff may see of an outbox item: no personal data.
struct OutboxItemView {
  std::string ref;          // local reference number told to the resident, e.g. "demo-01-000042"
  std::string kind;         // endpoint name, e.g. "subsidy_application"
  OutboxState state = OutboxState::Queued;
  std::string reason;       // error code of the last failed attempt, or stop reason
  int attempts = 0;
  std::int64_t created_ms = 0;
  std::int64_t last_attempt_ms = 0;
  std::int64_t delivered_ms = 0;
  bool staff_alarm = false; // undelivered for outbox_staff_alarm_hours or more
  bool stopped = false;     // past outbox_stop_after_days: no automatic resend
  std::string case_id;      // the gateway's case/application id once delivered (not personal)
};

struct OutboxHealth {
  int queued = 0;
  int failed = 0;
  int delivered = 0;
  int capacity = 0;        // outbox_max_items
  bool nearly_full = false;// queued+failed >= warn percent of capacity: alarm "outbox_nearly_full"
  bool full = false;       // new submissions are refused (alarm "outbox_full")
  int staff_alarms = 0;    // items undelivered >= 24 h (alarm "outbox_overdue")
  int stopped = 0;         // items past 7 days waiting for staff
};

// Given when an application is safely stored (before any send): the resident gets `ref`.
struct SubmitReceipt {
  std::string ref;
  OutboxState state = OutboxState::Queued;
};
using SubmitCallback = std::function<void(Result<SubmitReceipt>)>;

class FederationApi {
 public:
  virtual ~FederationApi() = default;

  // A live action or a query (CallKind::Live). Without the gateway it fails at once with
  // backend_unreachable (or timeout within total_timeout_ms) and a next step.
  virtual void call(ApiRequest request, Callback done) = 0;

  // An application (CallKind::Application): stored in the outbox first, then sent by the
  // background sender. done() runs (in poll) once stored: errors are outbox_full,
  // storage_full, storage_error, invalid_request (not an application endpoint).
  // Later state changes reach the outbox listener and the event sink.
  virtual void submit(ApiRequest application, SubmitCallback done) = 0;

  // Runs pending callbacks and events; returns how many ran. Main thread, cheap when idle.
  virtual int poll() = 0;

  // Called from worker threads whenever poll() has something to do. Set before use.
  virtual void set_wakeup(std::function<void()> wakeup) = 0;

  // Called in poll() whenever an item changes state (after the event sink).
  virtual void set_outbox_listener(std::function<void(const OutboxItemView&)> listener) = 0;

  // Staff view and actions (no personal data). Synchronous small SQLite reads.
  // The oldest kOutboxItemsMax items (a bounded read on the main thread; the counts of
  // all are in outbox_health(), the rest in the kiosk-outbox tool's paged list).
  static constexpr int kOutboxItemsMax = 200;
  virtual Result<std::vector<OutboxItemView>> outbox_items() = 0;
  virtual Result<OutboxHealth> outbox_health() = 0;
  // Puts a failed or stopped item (or all, ref empty) back in the queue and wakes the sender.
  virtual Status retry_outbox(const std::string& ref) = 0;

  // Stops workers; pending callbacks get `cancelled` in the next poll(). Idempotent.
  virtual void shutdown() = 0;
};

// Builds the configured implementation: opens the outbox (and its key), the demo
// database (local) or the curl worker (http), and starts the sender.
Result<std::unique_ptr<FederationApi>> make_federation_api(const BackendConfig& config,
                                                           EventSink sink);

}  // namespace kiosk::backend
