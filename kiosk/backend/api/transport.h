// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A blocking "send one request" seam used by the outbox sender (its own thread), with a
// local and an https implementation, plus the one place HTTP answers become results.
#include <memory>
#include <string>

#include "kiosk/backend/api/federation_api.h"

namespace kiosk::backend {

class Transport {
 public:
  virtual ~Transport() = default;
  // Blocks up to the configured total timeout. Called from one thread at a time.
  virtual ApiResult send(const ApiRequest& request, const std::string& idempotency_key) = 0;
};

// 2xx with a JSON body -> value; problem+json or other statuses -> ApiError with a stable
// code (the gateway's accessible_message and next_step are kept when present).
ApiResult interpret_response(long status, const std::string& body);

// {"type":"request",...} for the event sink (docs/design.md section 5).
nlohmann::json request_event(const ApiRequest& request, const ApiResult& result);

}  // namespace kiosk::backend
