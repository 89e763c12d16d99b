// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/api/transport.h"

namespace kiosk::backend {

std::vector<ApiResult> Transport::send_all(const std::vector<Outgoing>& batch) {
  std::vector<ApiResult> out;
  out.reserve(batch.size());
  for (const auto& o : batch) out.push_back(send(o.request, o.idempotency_key));
  return out;
}

std::string string_member(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return {};
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string delivered_case_id(const nlohmann::json& body) {
  std::string id = string_member(body, "case_id");
  return id.empty() ? string_member(body, "application_id") : id;
}

ApiResult interpret_response(long status, const std::string& body) {
  const int st = static_cast<int>(status);
  auto json = nlohmann::json::parse(body, nullptr, false);
  if (status >= 200 && status < 300) {
    if (json.is_discarded() || !json.is_object())
      return make_error(ErrorCode::BadResponse, "HTTP " + std::to_string(st) + " body is not JSON",
                        st);
    return ApiResponse{st, std::move(json)};
  }
  ErrorCode code = ErrorCode::BadResponse;
  if (status == 400) code = ErrorCode::InvalidRequest;
  else if (status == 401 || status == 403) code = ErrorCode::Unauthorized;
  else if (status == 404) code = ErrorCode::NotFound;
  else if (status == 409) code = ErrorCode::Conflict;
  else if (status == 410) code = ErrorCode::Gone;
  else if (status == 422) code = ErrorCode::InvalidRequest;
  else if (status >= 500) code = ErrorCode::ServerError;
  std::string server_code;
  if (!json.is_discarded() && json.is_object()) server_code = string_member(json, "code");
  if (server_code == "idempotency_mismatch") code = ErrorCode::IdempotencyMismatch;
  auto e = make_error(code, "HTTP " + std::to_string(st) + (server_code.empty() ? "" : " " + server_code), st);
  if (!json.is_discarded() && json.is_object()) {
    e.problem_code = server_code;
    e.problem_body = json.dump();
    if (auto m = string_member(json, "accessible_message"); !m.empty())
      e.accessible_message = m;
    if (auto n = next_step_from_string(string_member(json, "next_step"))) e.next_step = *n;
  }
  return e;
}

nlohmann::json request_event(const ApiRequest& request, const ApiResult& result) {
  const auto& info = endpoint_info(request.endpoint);
  nlohmann::json ev{{"type", "request"},
                    {"kind", info.kind == CallKind::Live ? "live" : "application"},
                    {"method", to_string(info.method)},
                    {"path", build_path(request)},
                    {"status", result.ok() ? result->status : result.error().http_status}};
  if (!result.ok()) ev["error"] = to_string(result.error().code);
  return ev;
}

}  // namespace kiosk::backend
