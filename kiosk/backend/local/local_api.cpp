// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/local/local_api.h"

#include <sodium.h>

namespace kiosk::backend {

std::string random_idempotency_key() {
  unsigned char b[16];
  randombytes_buf(b, sizeof b);
  char out[33];
  sodium_bin2hex(out, sizeof out, b, sizeof b);
  return out;
}

ApiResult LocalTransport::send(const ApiRequest& request, const std::string& idempotency_key) {
  const auto& info = endpoint_info(request.endpoint);
  GatewayRequest g;
  g.method = info.method;
  g.path = build_path(request);
  for (const auto& [k, v] : request.query) g.query[k] = v;
  if (info.method == Method::Post) g.body = request.body.is_null() ? "{}" : request.body.dump();
  g.idempotency_key = idempotency_key;
  auto r = m_gw->handle(g);
  return interpret_response(r.status, r.body.dump());
}

LocalApi::LocalApi(BackendConfig config, EventSink sink, std::shared_ptr<LocalGateway> gateway)
    : ApiBase(std::move(config), std::move(sink)), m_transport(std::move(gateway)) {}

LocalApi::~LocalApi() { shutdown(); }

void LocalApi::call(ApiRequest request, Callback done) {
  const auto& info = endpoint_info(request.endpoint);
  ApiResult result = make_error(ErrorCode::InvalidRequest,
                                std::string(info.name) + " is an application: use submit()");
  if (info.kind == CallKind::Live)
    result = m_transport.send(request, info.method == Method::Post ? random_idempotency_key() : "");
  auto ev = request_event(request, result);
  post([this, ev, result = std::move(result), done = std::move(done)]() mutable {
    emit(ev);
    done(std::move(result));
  });
}

}  // namespace kiosk::backend
