// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Blocking https Transport for the outbox sender thread and tools. Keeps one curl easy
// handle so the TLS connection is reused between items. One thread at a time.
#include "kiosk/backend/http/curl_common.h"
#include "kiosk/backend/api/transport.h"

namespace kiosk::backend {

class HttpTransport : public Transport {
 public:
  explicit HttpTransport(BackendConfig config);
  ~HttpTransport() override;
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;
  ApiResult send(const ApiRequest& request, const std::string& idempotency_key) override;

 private:
  BackendConfig m_cfg;
  CURL* m_easy = nullptr;
};

}  // namespace kiosk::backend
