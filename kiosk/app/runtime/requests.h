// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The wire side of the core's typed round trips (kiosk/core/flow/request.h): core values
// to and from JSON, a RequestSpec to the backend's ApiRequest, and the backend's answers
// to a core Reply. Pure conversions; any thread.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/core/flow/request.h"

#ifdef KIOSK_HAVE_BACKEND
#include "kiosk/backend/api/federation_api.h"
#endif

namespace kiosk::app {

nlohmann::json to_json(const core::Value& value);
core::Value from_json(const nlohmann::json& json);

// The Reply for a request the kiosk could not send at all (no backend configured, or an
// endpoint the route table does not know).
core::Reply unreachable_reply(std::uint64_t id, const std::string& code);

#ifdef KIOSK_HAVE_BACKEND
// nullopt when spec.endpoint is not in the route table.
std::optional<backend::ApiRequest> to_api_request(const core::RequestSpec& spec);
core::Reply to_reply(std::uint64_t id, const backend::ApiResult& result);
core::Reply to_reply(std::uint64_t id, const backend::Result<backend::SubmitReceipt>& receipt);
#endif

}  // namespace kiosk::app
