// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A blocking "send one request" seam used by the outbox sender (its own thread), with a
// local and an https implementation, plus the one place HTTP answers become results.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/backend/api/federation_api.h"

namespace kiosk::backend {

// One request of a batch (Transport::send_all).
struct Outgoing {
  ApiRequest request;
  std::string idempotency_key;
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Blocks up to the configured total timeout. Called from one thread at a time.
  virtual ApiResult send(const ApiRequest& request, const std::string& idempotency_key) = 0;
  // Sends every request of `batch`, up to max_in_flight() at a time, and returns their
  // results in the same order. Blocks until all are answered (each within the total
  // timeout). The default sends them one after another.
  virtual std::vector<ApiResult> send_all(const std::vector<Outgoing>& batch);
  virtual int max_in_flight() const { return 1; }
};

// 2xx with a JSON body -> value; problem+json or other statuses -> ApiError with a stable
// code (the gateway's accessible_message and next_step are kept when present).
ApiResult interpret_response(long status, const std::string& body);

// A string member of an answer; "" when it is missing or not a string. Answers are
// outside input: nlohmann's value() throws on a member of another type.
std::string string_member(const nlohmann::json& object, const char* name);

// The case or application a 2xx answer to an application names ("case_id", else
// "application_id"); "" when it names none.
std::string delivered_case_id(const nlohmann::json& body);

// {"type":"request",...} for the event sink (docs/design.md section 5).
nlohmann::json request_event(const ApiRequest& request, const ApiResult& result);

}  // namespace kiosk::backend
