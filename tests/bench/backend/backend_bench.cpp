// SPDX-License-Identifier: GPL-3.0-or-later
// backend_bench [N]: prints
//  - durable submissions/s and p50/p95 enqueue latency (submit() on the main thread:
//    one SQLite commit with synchronous=FULL, payload encrypted), N submissions (default 500);
//  - the longest main-loop stall while the gateway hangs 10 s on every route (target
//    <= 20 ms): a 1 ms loop keeps calling poll(), call() and submit() meanwhile.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/backend/api/federation_api.h"
#include "tools/gateway_sim/gateway_sim.h"

namespace kb = kiosk::backend;
using Clock = std::chrono::steady_clock;

namespace {

std::string temp_dir(const char* tag) {
  std::string tpl = (std::filesystem::temp_directory_path() / (std::string("kiosk-bench-") + tag + "-XXXXXX")).string();
  return mkdtemp(tpl.data());
}

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 500;
  const auto certs = temp_dir("certs");
  if (std::system((std::string("bash ") + KIOSK_CERT_SCRIPT + " " + certs + " bench 1 >/dev/null").c_str()) != 0)
    return 1;
  kiosk::tools::SimOptions so;
  so.port = 0;
  so.cert_file = certs + "/server.pem";
  so.key_file = certs + "/server.key";
  so.client_ca_file = certs + "/ca.pem";
  so.demo_data_dir = KIOSK_DEMO_DIR;
  so.faults = {kiosk::tools::parse_fault_rule("*=latency:10000").value()};
  kiosk::tools::GatewaySim sim(so);
  if (!sim.start().ok()) return 1;

  const auto dir = temp_dir("outbox");
  kb::BackendConfig c;
  c.kind = kb::BackendKind::Http;
  c.base_url = "https://127.0.0.1:" + std::to_string(sim.port());
  c.ca_file = certs + "/ca.pem";
  c.client_cert = certs + "/client.pem";
  c.client_key = certs + "/client.key";
  c.outbox_path = dir + "/outbox.db";
  c.outbox_key_file = dir + "/outbox.key";
  c.key_policy = kb::KeyFilePolicy::CreateIfMissing;
  c.outbox_max_items = n + 100;
  auto api_r = kb::make_federation_api(c, {});
  if (!api_r.ok()) {
    std::fprintf(stderr, "bench: %s\n", api_r.error().detail.c_str());
    return 1;
  }
  auto& api = *api_r.value();

  // 1. Durable submissions while the gateway hangs (the sender is busy in the background).
  std::vector<double> lat;
  const auto t0 = Clock::now();
  for (int i = 0; i < n; ++i) {
    const auto t = Clock::now();
    api.submit({kb::Endpoint::ServiceApplication, {}, {},
                {{"subject_ref", "sub_e6a90d3c7b15"}, {"service", "complaint"},
                 {"text", "bench " + std::to_string(i)}}},
               [](kb::Result<kb::SubmitReceipt>) {});
    lat.push_back(ms_since(t));
    api.poll();
  }
  const double total_s = ms_since(t0) / 1000.0;
  std::sort(lat.begin(), lat.end());
  std::printf("durable submissions: %d in %.2f s = %.0f/s; enqueue p50 %.2f ms, p95 %.2f ms, max %.2f ms\n",
              n, total_s, n / total_s, lat[lat.size() / 2], lat[lat.size() * 95 / 100], lat.back());

  // 2. Main-loop stall while every call hangs for 10 s.
  int answered = 0;
  double worst = 0;
  const auto start = Clock::now();
  auto last = Clock::now();
  int tick = 0;
  while (ms_since(start) < 11500) {
    if (tick % 100 == 0) api.call(kb::requests::config_version(), [&](kb::ApiResult) { ++answered; });
    if (tick % 500 == 0)
      api.submit({kb::Endpoint::ServiceApplication, {}, {},
                  {{"subject_ref", "sub_e6a90d3c7b15"}, {"service", "complaint"}}},
                 [](kb::Result<kb::SubmitReceipt>) {});
    api.poll();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const double gap = ms_since(last) - 1.0;
    worst = std::max(worst, gap);
    last = Clock::now();
    ++tick;
  }
  std::printf("event loop while the gateway hangs 10 s: longest stall %.2f ms (target <= 20 ms), "
              "%d live calls answered (timeout) meanwhile\n", worst, answered);
  api.shutdown();
  sim.stop();
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(certs);
  return 0;
}
