// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/http/http_transport.h"

#include <algorithm>
#include <optional>

namespace kiosk::backend {

HttpTransport::HttpTransport(BackendConfig config) : m_cfg(std::move(config)) {
  m_in_flight = std::clamp(m_cfg.sender_max_in_flight, 1, kMaxInFlight);
  std::string why;
  if (ensure_curl_global_init(&why) == nullptr) {
    m_unusable = "the https transport needs libcurl: " + why;
    return;
  }
  m_multi = curl().multi_init();
  if (!m_multi) {
    m_unusable = "curl_multi_init failed";
    return;
  }
  // At most one connection per request in flight; they stay open between batches.
  curl().multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(m_in_flight));
  curl().multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, static_cast<long>(m_in_flight));
  for (int i = 0; i < m_in_flight; ++i) m_slots[static_cast<std::size_t>(i)].easy = curl().easy_init();
}

HttpTransport::~HttpTransport() {
  if (!m_multi) return;   // never set up (libcurl missing): no handles to free
  for (auto& s : m_slots) {
    if (s.busy) curl().multi_remove_handle(m_multi, s.easy);
    if (s.easy) curl().easy_cleanup(s.easy);
  }
  curl().multi_cleanup(m_multi);
}

ApiResult HttpTransport::send(const ApiRequest& request, const std::string& idempotency_key) {
  auto r = send_all({Outgoing{request, idempotency_key}});
  return std::move(r.front());
}

std::vector<ApiResult> HttpTransport::send_all(const std::vector<Outgoing>& batch) {
  std::vector<std::optional<ApiResult>> results(batch.size());
  auto fail_all = [&](const char* why) {
    std::vector<ApiResult> out;
    for (std::size_t i = 0; i < batch.size(); ++i) out.push_back(make_error(ErrorCode::BackendUnreachable, why));
    return out;
  };
  if (!m_multi) return fail_all(m_unusable.c_str());
  for (int i = 0; i < m_in_flight; ++i)
    if (!m_slots[static_cast<std::size_t>(i)].easy) return fail_all("curl_easy_init failed");
  std::size_t next = 0;
  int running = 0;
  while (next < batch.size() || running > 0) {
    for (int i = 0; i < m_in_flight && next < batch.size(); ++i) {
      Slot& s = m_slots[static_cast<std::size_t>(i)];
      if (s.busy) continue;
      curl().easy_reset(s.easy);  // keeps the connection cache (the multi's pool)
      configure_easy(s.easy, m_cfg, batch[next].request, batch[next].idempotency_key, s.transfer);
      curl().easy_setopt(s.easy, CURLOPT_PRIVATE, &s);
      s.index = next++;
      s.busy = true;
      curl().multi_add_handle(m_multi, s.easy);
      ++running;
    }
    int still = 0;
    curl().multi_perform(m_multi, &still);
    int left = 0;
    while (CURLMsg* msg = curl().multi_info_read(m_multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Slot* s = nullptr;
      curl().easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &s);
      const CURLcode code = msg->data.result;
      curl().multi_remove_handle(m_multi, msg->easy_handle);
      if (!s) continue;
      results[s->index] = finish_transfer(code, s->easy, s->transfer);
      s->busy = false;
      --running;
    }
    if (running > 0) curl().multi_poll(m_multi, nullptr, 0, 100, nullptr);
  }
  std::vector<ApiResult> out;
  out.reserve(batch.size());
  for (auto& r : results) out.push_back(r ? std::move(*r) : make_error(ErrorCode::BackendUnreachable, "no answer"));
  return out;
}

}  // namespace kiosk::backend
