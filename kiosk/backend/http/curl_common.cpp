// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/http/curl_common.h"

#include <cstring>

#include "kiosk/backend/api/transport.h"

namespace kiosk::backend {
namespace {

size_t on_write(char* data, size_t size, size_t n, void* user) {
  auto* out = static_cast<std::string*>(user);
  // A gateway answer is small; refuse absurd bodies instead of filling memory.
  if (out->size() + size * n > 8 * 1024 * 1024) return 0;
  out->append(data, size * n);
  return size * n;
}

}  // namespace

CurlTransfer::~CurlTransfer() {
  if (headers) curl().slist_free_all(headers);
}

void configure_easy(CURL* easy, const BackendConfig& c, const ApiRequest& request,
                    const std::string& idempotency_key, CurlTransfer& t) {
  const auto& info = endpoint_info(request.endpoint);
  std::string base = c.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  t.url = base + build_target(request);
  t.response.clear();
  t.errbuf[0] = '\0';
  if (t.headers) curl().slist_free_all(t.headers);
  t.headers = nullptr;
  t.headers = curl().slist_append(t.headers, "Accept: application/json, application/problem+json");
  t.headers = curl().slist_append(t.headers, ("X-Terminal-Id: " + c.terminal_id).c_str());
  curl().easy_setopt(easy, CURLOPT_URL, t.url.c_str());
  curl().easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "https");
  curl().easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl().easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl().easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  curl().easy_setopt(easy, CURLOPT_CAINFO, c.ca_file.c_str());
  curl().easy_setopt(easy, CURLOPT_CAPATH, nullptr);  // trust only the configured CA
  if (!c.client_cert.empty()) curl().easy_setopt(easy, CURLOPT_SSLCERT, c.client_cert.c_str());
  if (!c.client_key.empty()) curl().easy_setopt(easy, CURLOPT_SSLKEY, c.client_key.c_str());
  curl().easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, c.connect_timeout_ms);
  curl().easy_setopt(easy, CURLOPT_TIMEOUT_MS, c.total_timeout_ms);
  curl().easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_write);
  curl().easy_setopt(easy, CURLOPT_WRITEDATA, &t.response);
  curl().easy_setopt(easy, CURLOPT_ERRORBUFFER, t.errbuf);
  curl().easy_setopt(easy, CURLOPT_USERAGENT, "kiosk/0.1");
  if (info.method == Method::Post) {
    t.request_body = request.body.is_null() ? "{}" : request.body.dump();
    t.headers = curl().slist_append(t.headers, "Content-Type: application/json");
    t.headers = curl().slist_append(t.headers, ("Idempotency-Key: " + idempotency_key).c_str());
    curl().easy_setopt(easy, CURLOPT_POST, 1L);
    curl().easy_setopt(easy, CURLOPT_POSTFIELDS, t.request_body.c_str());
    curl().easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(t.request_body.size()));
  } else {
    curl().easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  }
  curl().easy_setopt(easy, CURLOPT_HTTPHEADER, t.headers);
}

ApiError error_from_curl(CURLcode code, const char* errbuf) {
  // The detail is curl's text: it names hosts and TLS problems, never request content.
  std::string detail = std::string(curl().easy_strerror(code)) + (errbuf && *errbuf ? ": " : "") +
                       (errbuf ? errbuf : "");
  const bool tls_words = errbuf && (std::strstr(errbuf, "alert") || std::strstr(errbuf, "SSL") ||
                                    std::strstr(errbuf, "certificate"));
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return make_error(ErrorCode::Timeout, detail);
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return make_error(ErrorCode::BackendUnreachable, detail);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CLIENTCERT: return make_error(ErrorCode::TlsFailure, detail);
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
      // TLS 1.3 reports a refused client certificate on the first read.
      return make_error(tls_words && !std::strstr(errbuf, "reset") ? ErrorCode::TlsFailure
                                                                   : ErrorCode::BackendUnreachable,
                        detail);
    case CURLE_GOT_NOTHING: return make_error(ErrorCode::BackendUnreachable, detail);
    case CURLE_PARTIAL_FILE:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_WRITE_ERROR:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM: return make_error(ErrorCode::BadResponse, detail);
    default: return make_error(ErrorCode::BackendUnreachable, detail);
  }
}

ApiResult finish_transfer(CURLcode code, CURL* easy, const CurlTransfer& t) {
  if (code != CURLE_OK) return error_from_curl(code, t.errbuf);
  long status = 0;
  curl().easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  return interpret_response(status, t.response);
}

}  // namespace kiosk::backend
