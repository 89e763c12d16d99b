// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/flow/request.h"

#include <utility>

#include "kiosk/core/flow/service.h"

namespace kiosk::core {

Alert failure_alert(const ReplyError& error) {
  const std::string code = error.problem_code.empty() ? error.code : error.problem_code;
  Message text = error.message.empty() ? Message::of("alert.request_failed") : Message::text(error.message);
  return Alert{code.empty() ? "request_failed" : code, std::move(text), Privacy::Public};
}

RequestSpec RequestSpec::live(std::string endpoint) {
  RequestSpec spec;
  spec.endpoint = std::move(endpoint);
  spec.kind = RequestKind::Live;
  return spec;
}

RequestSpec RequestSpec::application(std::string endpoint, Value body) {
  RequestSpec spec;
  spec.endpoint = std::move(endpoint);
  spec.kind = RequestKind::Application;
  spec.body = std::move(body);
  return spec;
}

const char* request_kind_name(RequestKind kind) { return kind == RequestKind::Live ? "live" : "application"; }

}  // namespace kiosk::core
