// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The `local` FederationApi and the in-process Transport over a LocalGateway.
#include <memory>

#include "kiosk/backend/api/api_base.h"
#include "kiosk/backend/local/local_gateway.h"
#include "kiosk/backend/api/transport.h"

namespace kiosk::backend {

class LocalTransport : public Transport {
 public:
  explicit LocalTransport(std::shared_ptr<LocalGateway> gateway) : m_gw(std::move(gateway)) {}
  ApiResult send(const ApiRequest& request, const std::string& idempotency_key) override;

 private:
  std::shared_ptr<LocalGateway> m_gw;
};

// Answers live calls inline (microseconds of SQLite in memory) but, like http, delivers
// the callback only in poll().
class LocalApi : public ApiBase {
 public:
  LocalApi(BackendConfig config, EventSink sink, std::shared_ptr<LocalGateway> gateway);
  ~LocalApi() override;
  void call(ApiRequest request, Callback done) override;

 private:
  LocalTransport m_transport;
};

std::string random_idempotency_key();

}  // namespace kiosk::backend
