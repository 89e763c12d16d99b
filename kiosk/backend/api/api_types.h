// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Value-or-error results of the federation backend, with stable error codes.
// Plain values: any thread may create or copy them. Error codes and next steps are
// stable snake_case strings (the transcript, alerts and the OpenAPI document use them).
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

#include "kiosk/core/result.h"

namespace kiosk::backend {

enum class ErrorCode {
  BackendUnreachable,   // could not connect (network down, gateway down, DNS)
  Timeout,              // connect (3 s) or total (10 s) budget exceeded
  ServerError,          // 5xx from the gateway
  BadResponse,          // malformed, truncated or unexpected body
  TlsFailure,           // certificate verification or client-certificate refusal
  Conflict,             // 409: same idempotency key still in flight, slot taken, ...
  IdempotencyMismatch,  // 422 from the idempotency layer: same key, different body
  InvalidRequest,       // 400/422: the gateway refused the content (will not succeed on retry)
  NotFound,             // 404: unknown subject, case, slot, hold
  Gone,                 // 410: a hold expired
  Unauthorized,         // 401/403
  OutboxFull,           // the outbox reached its configured bound; nothing was stored
  StorageFull,          // the disk (or the database's page limit) is full; nothing was stored
  StorageError,         // any other local database or key-file failure
  ConfigError,          // bad BackendConfig
  Cancelled,            // the api was shut down before the call finished
};

enum class NextStep { CallStaff, GoToWindow, RetryLater };

const char* to_string(ErrorCode code);
const char* to_string(NextStep step);
std::optional<ErrorCode> error_code_from_string(const std::string& code);
std::optional<NextStep> next_step_from_string(const std::string& step);

struct ApiError {
  ErrorCode code = ErrorCode::BackendUnreachable;
  // Plain Chinese sentence fit to show and speak; never contains personal data.
  std::string accessible_message;
  NextStep next_step = NextStep::CallStaff;
  // Technical detail for logs (curl text, HTTP status); never personal data.
  std::string detail;
  int http_status = 0;  // 0 when no HTTP answer was received
  // The gateway's own problem+json `code` (e.g. "code_wrong") and the whole problem body
  // (its extra members, e.g. tries_left); empty when there was no problem+json answer.
  // Problems never carry personal data.
  std::string problem_code;
  std::string problem_body;
  // True when the same call may succeed later (the outbox keeps such items queued).
  bool transient() const;
};

// Builds an error with the default accessible message and next step for its code.
ApiError make_error(ErrorCode code, std::string detail = {}, int http_status = 0);

// The project's one Result (kiosk/core/result.h) with the backend's error.
template <typename T>
using Result = core::Result<T, ApiError>;

using Unit = core::Ok;
using Status = Result<Unit>;

}  // namespace kiosk::backend
