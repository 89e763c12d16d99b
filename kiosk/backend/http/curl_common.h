// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// libcurl set-up shared by the blocking transport (outbox sender) and the multi worker
// (live calls): TLS verification always on, only the configured CA, mutual TLS, the
// 3 s / 10 s timeouts, JSON headers and the Idempotency-Key. curl codes become ApiErrors here.
// Every function here needs libcurl loaded (ensure_curl_global_init, curl_lib.h).

#include <string>

#include "kiosk/backend/api/federation_api.h"
#include "kiosk/backend/http/curl_lib.h"

namespace kiosk::backend {

// One request's buffers; must outlive the transfer (owned by the caller).
struct CurlTransfer {
  std::string url;
  std::string request_body;
  std::string response;
  curl_slist* headers = nullptr;
  char errbuf[CURL_ERROR_SIZE] = {};
  CurlTransfer() = default;
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;
  ~CurlTransfer();
};

void configure_easy(CURL* easy, const BackendConfig& config, const ApiRequest& request,
                    const std::string& idempotency_key, CurlTransfer& transfer);

// The result of a finished transfer (curl code plus HTTP status and body).
ApiResult finish_transfer(CURLcode code, CURL* easy, const CurlTransfer& transfer);

ApiError error_from_curl(CURLcode code, const char* errbuf);

}  // namespace kiosk::backend
