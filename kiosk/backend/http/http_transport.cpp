// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/http/http_transport.h"

namespace kiosk::backend {

HttpTransport::HttpTransport(BackendConfig config) : m_cfg(std::move(config)) {
  ensure_curl_global_init();
  m_easy = curl_easy_init();
}

HttpTransport::~HttpTransport() {
  if (m_easy) curl_easy_cleanup(m_easy);
}

ApiResult HttpTransport::send(const ApiRequest& request, const std::string& idempotency_key) {
  if (!m_easy) return make_error(ErrorCode::BackendUnreachable, "curl_easy_init failed");
  curl_easy_reset(m_easy);  // keeps the connection cache
  CurlTransfer t;
  configure_easy(m_easy, m_cfg, request, idempotency_key, t);
  const CURLcode code = curl_easy_perform(m_easy);
  return finish_transfer(code, m_easy, t);
}

}  // namespace kiosk::backend
