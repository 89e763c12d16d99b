// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The embedded demo gateway (config/demo, KIOSK_DEMO_DIR) asked directly, without HTTP, on
// a clock the test sets: the fixture of the areas' *_gateway_test.cpp suites. Main thread.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "kiosk/backend/local/local_gateway.h"

namespace kiosk::testing {

class LocalGatewayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto gateway = backend::LocalGateway::open(KIOSK_DEMO_DIR, [this] { return m_now; });
    ASSERT_TRUE(gateway.ok());
    m_gw = std::move(gateway.value());
  }

  backend::GatewayResponse get(const std::string& path, std::map<std::string, std::string> query = {}) {
    backend::GatewayRequest request;
    request.path = path;
    request.query = std::move(query);
    return m_gw->handle(request);
  }
  // A POST with the idempotency key `key`; "" = a new key each call.
  backend::GatewayResponse post(const std::string& path, const nlohmann::json& body, std::string key = {}) {
    backend::GatewayRequest request;
    request.method = backend::Method::Post;
    request.path = path;
    request.idempotency_key = key.empty() ? "key-" + std::to_string(++m_keys) : std::move(key);
    request.body = body.dump();
    return m_gw->handle(request);
  }

  std::int64_t m_now = 1'772'931'600'000;   // ms since the epoch: 2026-03-08 09:00 +08:00
  int m_keys = 0;
  std::unique_ptr<backend::LocalGateway> m_gw;
};

}  // namespace kiosk::testing
