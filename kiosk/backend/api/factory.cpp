// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include "kiosk/backend/api/federation_api.h"
#include "kiosk/backend/http/http_api.h"
#include "kiosk/backend/http/http_transport.h"
#include "kiosk/backend/local/local_api.h"

namespace kiosk::backend {

Result<std::unique_ptr<FederationApi>> make_federation_api(const BackendConfig& config,
                                                           EventSink sink) {
  BackendConfig cfg = config;
  if (!cfg.now_ms) cfg.now_ms = system_now_ms;
  if (cfg.kind == BackendKind::Local) {
    auto gw = LocalGateway::open(cfg.demo_data_dir, cfg.now_ms);
    if (!gw) return gw.error();
    std::shared_ptr<LocalGateway> shared(std::move(gw.value()));
    auto api = std::make_unique<LocalApi>(cfg, std::move(sink), shared);
    if (auto s = api->start_outbox(std::make_unique<LocalTransport>(shared)); !s) return s.error();
    return std::unique_ptr<FederationApi>(std::move(api));
  }
  auto api = std::make_unique<HttpApi>(cfg, std::move(sink));
  if (auto s = api->start(); !s) return s.error();
  if (auto s = api->start_outbox(std::make_unique<HttpTransport>(cfg)); !s) return s.error();
  return std::unique_ptr<FederationApi>(std::move(api));
}

}  // namespace kiosk::backend
