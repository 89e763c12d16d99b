// SPDX-License-Identifier: GPL-3.0-or-later
#include "test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <thread>

namespace kiosk::testing {

std::string make_temp_dir(const std::string& tag) {
  std::string tpl = (std::filesystem::temp_directory_path() / ("kiosk-" + tag + "-XXXXXX")).string();
  char* p = mkdtemp(tpl.data());
  return p ? std::string(p) : std::string{};
}

const std::string& cert_dir() {
  static const std::string dir = [] {
    // ctest's backend_make_certs fixture makes them once; a bare run makes its own.
    if (std::filesystem::exists(std::string(KIOSK_TEST_CERT_DIR) + "/rogue-client.key"))
      return std::string(KIOSK_TEST_CERT_DIR);
    auto d = make_temp_dir("certs");
    const std::string cmd = std::string("bash ") + KIOSK_CERT_SCRIPT + " " + d + " demo-01 2 >/dev/null";
    if (std::system(cmd.c_str()) != 0) ADD_FAILURE() << "make_certs.sh failed";
    return d;
  }();
  return dir;
}

std::pair<std::string, std::string> http_backend_line(int port) {
  const std::string& certs = cert_dir();
  return {"kind = \"local\"", "kind = \"http\"\nbase_url = \"https://127.0.0.1:" + std::to_string(port) +
                                 "\"\nca_file = \"" + certs + "/ca.pem\"\nclient_cert = \"" + certs +
                                 "/client.pem\"\nclient_key = \"" + certs + "/client.key\""};
}

std::unique_ptr<tools::GatewaySim> start_sim(std::vector<tools::FaultRule> faults) {
  tools::SimOptions o;
  o.port = 0;
  o.cert_file = cert_dir() + "/server.pem";
  o.key_file = cert_dir() + "/server.key";
  o.client_ca_file = cert_dir() + "/ca.pem";
  o.demo_data_dir = KIOSK_DEMO_DIR;
  o.faults = std::move(faults);
  auto sim = std::make_unique<tools::GatewaySim>(o);
  auto s = sim->start();
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().detail);
  return sim;
}

backend::BackendConfig http_config(int port, const std::string& dir) {
  backend::BackendConfig c;
  c.kind = backend::BackendKind::Http;
  c.base_url = "https://127.0.0.1:" + std::to_string(port);
  c.ca_file = cert_dir() + "/ca.pem";
  c.client_cert = cert_dir() + "/client.pem";
  c.client_key = cert_dir() + "/client.key";
  c.outbox_path = dir + "/outbox.db";
  c.outbox_key_file = dir + "/outbox.key";
  c.key_policy = backend::KeyFilePolicy::CreateIfMissing;
  c.demo_data_dir = KIOSK_DEMO_DIR;
  c.sender_backoff_initial_ms = 100;
  c.sender_backoff_max_ms = 1000;
  return c;
}

backend::BackendConfig local_config(const std::string& dir) {
  auto c = http_config(1, dir);
  c.kind = backend::BackendKind::Local;
  return c;
}

bool pump_until(backend::FederationApi& api, const std::function<bool()>& pred,
                std::chrono::milliseconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > end) return false;
    if (api.poll() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

backend::ApiResult call_sync(backend::FederationApi& api, backend::ApiRequest req) {
  std::optional<backend::ApiResult> out;
  api.call(std::move(req), [&](backend::ApiResult r) { out = std::move(r); });
  if (!pump_until(api, [&] { return out.has_value(); }))
    return backend::make_error(backend::ErrorCode::Cancelled, "test: no answer in 30 s");
  return *out;
}

}  // namespace kiosk::testing
