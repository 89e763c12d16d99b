// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/runtime/requests.h"

#include <utility>

namespace kiosk::app {

nlohmann::json to_json(const core::Value& value) {
  if (value.is_bool()) return value.as_bool();
  if (value.is_int()) return value.as_int();
  if (value.is_number()) return value.as_double();
  if (value.is_string()) return value.as_string();
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : value.as_array()) out.push_back(to_json(item));
    return out;
  }
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, item] : value.as_object()) out[key] = to_json(item);
    return out;
  }
  return nullptr;
}

core::Value from_json(const nlohmann::json& json) {
  switch (json.type()) {
    case nlohmann::json::value_t::boolean: return json.get<bool>();
    case nlohmann::json::value_t::number_integer: return json.get<std::int64_t>();
    case nlohmann::json::value_t::number_unsigned: return static_cast<std::int64_t>(json.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float: return json.get<double>();
    case nlohmann::json::value_t::string: return json.get<std::string>();
    case nlohmann::json::value_t::array: {
      core::Value::Array out;
      for (const auto& item : json) out.push_back(from_json(item));
      return out;
    }
    case nlohmann::json::value_t::object: {
      core::Value::Object out;
      for (const auto& [key, item] : json.items()) out.emplace(key, from_json(item));
      return out;
    }
    default: return {};
  }
}

core::Reply unreachable_reply(std::uint64_t id, const std::string& code) {
  core::Reply reply;
  reply.id = id;
  reply.error.code = code;
  reply.error.next_step = "call_staff";
  return reply;
}

#ifdef KIOSK_HAVE_BACKEND
std::optional<backend::ApiRequest> to_api_request(const core::RequestSpec& spec) {
  const auto endpoint = backend::endpoint_from_name(spec.endpoint);
  if (!endpoint) return std::nullopt;
  backend::ApiRequest request;
  request.endpoint = *endpoint;
  request.path_params = spec.path;
  request.query = spec.query;
  if (!spec.body.is_null()) request.body = to_json(spec.body);
  return request;
}

namespace {
core::ReplyError reply_error(const backend::ApiError& error) {
  core::ReplyError out;
  out.code = backend::to_string(error.code);
  out.problem_code = error.problem_code;
  out.message = error.accessible_message;
  out.next_step = backend::to_string(error.next_step);
  if (!error.problem_body.empty()) {
    const auto body = nlohmann::json::parse(error.problem_body, nullptr, false);
    if (!body.is_discarded()) out.problem = from_json(body);
  }
  return out;
}
}  // namespace

core::Reply to_reply(std::uint64_t id, const backend::ApiResult& result) {
  core::Reply reply;
  reply.id = id;
  if (!result.ok()) {
    reply.status = result.error().http_status;
    reply.error = reply_error(result.error());
    return reply;
  }
  reply.ok = true;
  reply.status = result->status;
  reply.data = from_json(result->body);
  reply.data_as_of = reply.data.string_at("data_as_of");
  return reply;
}

core::Reply to_reply(std::uint64_t id, const backend::Result<backend::SubmitReceipt>& receipt) {
  core::Reply reply;
  reply.id = id;
  if (!receipt.ok()) {
    reply.error = reply_error(receipt.error());
    return reply;
  }
  reply.ok = true;
  reply.reference = receipt->ref;
  return reply;
}
#endif

}  // namespace kiosk::app
