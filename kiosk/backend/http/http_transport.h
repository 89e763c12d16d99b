// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Blocking https Transport for the outbox sender thread and tools. One curl multi handle
// with up to sender_max_in_flight easy handles: connections (and their TLS sessions) are
// kept open and reused between items (keep-alive), and a batch goes out concurrently.
// One thread at a time. Opens libcurl (curl_lib.h) when constructed; without it every
// send answers BackendUnreachable with the reason.
#include <array>

#include "kiosk/backend/http/curl_common.h"
#include "kiosk/backend/api/transport.h"

namespace kiosk::backend {

class HttpTransport : public Transport {
 public:
  static constexpr int kMaxInFlight = 8;
  explicit HttpTransport(BackendConfig config);
  ~HttpTransport() override;
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;
  ApiResult send(const ApiRequest& request, const std::string& idempotency_key) override;
  std::vector<ApiResult> send_all(const std::vector<Outgoing>& batch) override;
  int max_in_flight() const override { return m_in_flight; }

 private:
  struct Slot {
    CURL* easy = nullptr;
    CurlTransfer transfer;
    std::size_t index = 0;  // of the request in the batch
    bool busy = false;
  };
  BackendConfig m_cfg;
  CURLM* m_multi = nullptr;
  std::string m_unusable;   // why m_multi is null: every send fails with it
  int m_in_flight = 1;
  std::array<Slot, kMaxInFlight> m_slots;
};

}  // namespace kiosk::backend
