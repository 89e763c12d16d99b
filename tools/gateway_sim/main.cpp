// SPDX-License-Identifier: GPL-3.0-or-later
// gateway_sim: the federation gateway simulator (docs/backend.md has the command lines).
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>

#include "tools/gateway_sim/gateway_sim.h"

namespace {
volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

int usage() {
  std::fprintf(stderr,
               "usage: gateway_sim --cert FILE --key FILE --client-ca FILE [--host 127.0.0.1]\n"
               "                   [--port 8443 (0 = any)] [--port-file FILE] [--demo-data DIR]\n"
               "                   [--fault ROUTE=MODE[:MS][xCOUNT][@PERCENT]]... [--quiet]\n"
               "                   [--sms-log FILE (random visit codes, each appended to FILE)]\n"
               "                   [--advance-ms MS (subsidy and certificate applications move a stage every MS)]\n"
               "  MODE: latency:MS | 500 | reset | malformed | truncate | slow[:MS] | taken; ROUTE: a route\n"
               "  name (subsidies, subsidy_application, rehab_hold, ...) or '*'.\n"
               "  GET /_sim/applications lists every application applied (exactly-once checks).\n");
  return 2;
}
}  // namespace

int main(int argc, char** argv) {
  kiosk::tools::SimOptions opt;
  opt.log_requests = true;
  std::string port_file;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--cert") opt.cert_file = next();
    else if (a == "--key") opt.key_file = next();
    else if (a == "--client-ca") opt.client_ca_file = next();
    else if (a == "--host") opt.host = next();
    else if (a == "--port") opt.port = std::atoi(next().c_str());
    else if (a == "--port-file") port_file = next();
    else if (a == "--demo-data") opt.demo_data_dir = next();
    else if (a == "--quiet") opt.log_requests = false;
    else if (a == "--sms-log") opt.sms_log = next();
    else if (a == "--advance-ms") opt.case_step_ms = std::atoll(next().c_str());
    else if (a == "--fault") {
      auto rule = kiosk::tools::parse_fault_rule(next());
      if (!rule) {
        std::fprintf(stderr, "gateway_sim: %s\n", rule.error().detail.c_str());
        return 2;
      }
      opt.faults.push_back(rule.value());
    } else {
      return usage();
    }
  }
  if (opt.cert_file.empty() || opt.key_file.empty() || opt.client_ca_file.empty()) return usage();
  kiosk::tools::GatewaySim sim(opt);
  if (auto s = sim.start(); !s) {
    std::fprintf(stderr, "gateway_sim: %s\n", s.error().detail.c_str());
    return 1;
  }
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::printf("gateway_sim listening on https://%s:%d\n", opt.host.c_str(), sim.port());
  std::fflush(stdout);
  if (!port_file.empty()) {
    const std::string tmp = port_file + ".tmp";
    std::ofstream(tmp) << sim.port() << "\n";
    std::rename(tmp.c_str(), port_file.c_str());
  }
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  sim.stop();
  return 0;
}
