// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared fixtures of the backend integration tests: a temp dir, throw-away certificates
// (tools/certs/make_certs.sh, made once per test process), an in-process simulator and
// a main-loop pump for FederationApi.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/backend/api/federation_api.h"
#include "tools/gateway_sim/gateway_sim.h"

namespace kiosk::testing {

std::string make_temp_dir(const std::string& tag);
// Directory with ca.pem, server.pem/.key, client.pem/.key, rogue-ca.pem, rogue-client.pem/.key.
const std::string& cert_dir();

std::unique_ptr<tools::GatewaySim> start_sim(std::vector<tools::FaultRule> faults = {});

// An http BackendConfig for the simulator on `port`, outbox files in `dir`.
backend::BackendConfig http_config(int port, const std::string& dir);
backend::BackendConfig local_config(const std::string& dir);

// For hall_config_in: kiosk.toml's `kind = "local"` line replaced by the http backend on
// the simulator at `port` (127.0.0.1) with cert_dir()'s CA and client certificate.
std::pair<std::string, std::string> http_backend_line(int port);

// Calls poll() (like the app's loop) until pred() or limit; returns pred().
bool pump_until(backend::FederationApi& api, const std::function<bool()>& pred,
                std::chrono::milliseconds limit = std::chrono::seconds(30));

// Runs one live call to completion through poll().
backend::ApiResult call_sync(backend::FederationApi& api, backend::ApiRequest req);

}  // namespace kiosk::testing
