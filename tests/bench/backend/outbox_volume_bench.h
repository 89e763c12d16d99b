// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The issue-18 part of backend_bench (see outbox_volume_bench.cpp). Main thread only.
#include <functional>
#include <string>

#include "kiosk/backend/api/backend_config.h"
#include "tools/gateway_sim/gateway_sim.h"

namespace kiosk::bench {

struct BenchEnv {
  std::string certs;                                               // make_certs.sh output
  tools::GatewaySim* sim = nullptr;                                // running, no faults
  std::function<std::string(const char* tag)> temp_dir;           // a fresh folder
  std::function<backend::BackendConfig(const std::string& dir)> http_config;  // to the sim
};

// Prints the table; returns 0 (figures that miss their target say MISS), 1 on a set-up error.
// loop_only: the event-loop figures only (about a minute instead of seven).
int run_outbox_volume_bench(const BenchEnv& env, int outage_s, bool loop_only = false);

}  // namespace kiosk::bench
