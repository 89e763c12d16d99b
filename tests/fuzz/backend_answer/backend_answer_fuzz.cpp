// SPDX-License-Identifier: GPL-3.0-or-later
// Answers from the federation gateway are outside input: whatever status and body come
// back, the kiosk gets data or a clear error (kiosk/backend/api/transport.h), and the
// core's Reply (kiosk/app/runtime/requests.h) is built from it, never a crash. The first byte of
// an input picks the HTTP status; the rest is the body.
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <string>

#include "kiosk/app/runtime/requests.h"
#include "kiosk/backend/api/endpoints.h"
#include "kiosk/backend/api/transport.h"

namespace {

constexpr long kStatuses[] = {200, 201, 202, 204, 301, 400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const long status = kStatuses[data[0] % std::size(kStatuses)];
  const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  const kiosk::backend::ApiResult result = kiosk::backend::interpret_response(status, body);
  if (status >= 200 && status < 300) {
    if (result.ok() && !result->body.is_object()) std::abort();
  } else if (result.ok()) {
    std::abort();   // an error status is never success
  }
  if (!result.ok() && result.error().accessible_message.empty()) std::abort();
  if (result.ok()) (void)kiosk::backend::delivered_case_id(result->body);   // the outbox sender's read
  const kiosk::backend::ApiRequest request = kiosk::backend::requests::subsidies("sub_fuzz");
  (void)kiosk::backend::request_event(request, result).dump();
  const kiosk::core::Reply reply = kiosk::app::to_reply(7, result);
  if (reply.id != 7) std::abort();
  return 0;
}
