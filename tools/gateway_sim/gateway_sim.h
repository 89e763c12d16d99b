// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The federation gateway simulator: the local gateway (kiosk/backend/local_gateway.h)
// served over HTTPS by cpp-httplib, with client certificates required and checked, and
// per-route fault injection. Used by tools/gateway_sim's main and in-process by tests.
// start()/stop() from one controlling thread; requests are served on httplib's pool.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/backend/api/api_types.h"
#include "kiosk/backend/local/local_gateway.h"

namespace httplib {
class SSLServer;
struct Request;
struct Response;
}  // namespace httplib

namespace kiosk::tools {

enum class FaultMode { None, Latency, Status500, Reset, Malformed, Truncate, Slow, Taken };

// "ROUTE=MODE[:MS][xCOUNT][@PERCENT]", ROUTE an endpoint name (docs/backend.md) or "*".
// MODE: latency:MS | 500 | reset | malformed | truncate | slow[:MS per byte, default 500]
//       | taken (rehab_hold: the slot is booked by someone else just before the hold)
// xCOUNT: only the first COUNT matching requests; @PERCENT: each with that probability.
struct FaultRule {
  std::string route = "*";
  FaultMode mode = FaultMode::None;
  int ms = 0;
  int count = -1;     // -1: unlimited
  int percent = 100;
  int used = 0;
};
backend::Result<FaultRule> parse_fault_rule(const std::string& text);

struct SimOptions {
  std::string host = "127.0.0.1";
  int port = 8443;                  // 0: any free port (see GatewaySim::port())
  std::string cert_file;            // server certificate (PEM)
  std::string key_file;             // its key
  std::string client_ca_file;       // CA that must have signed client certificates
  std::string demo_data_dir = "config/demo";
  std::vector<FaultRule> faults;
  bool log_requests = false;        // one line per request to stderr (no bodies)
  // When set, visit codes are random and each one "sent" is appended to this file as
  // "VISIT_ID PHONE CODE" (tests read it); otherwise the demo data's documented code.
  std::string sms_log;
  // A subsidy or certificate application moves one stage every this many ms (0 = never).
  std::int64_t case_step_ms = 0;
  // > 0: request threads run at this nice level. The simulator stands for a remote
  // machine; a benchmark of the kiosk's own event loop sets it so the simulator's TLS
  // work does not count as the kiosk's.
  int nice = 0;
};

class GatewaySim {
 public:
  explicit GatewaySim(SimOptions options);
  ~GatewaySim();
  backend::Status start();   // returns once listening
  void stop();
  int port() const { return m_port; }
  // {"applications":[...]} as in LocalGateway::applied_applications().
  nlohmann::json applied_applications();
  void set_faults(std::vector<FaultRule> faults);

 private:
  FaultRule* match_fault(const std::string& route);
  // The steps of start(): the demo gateway, the mutual-TLS server, the routes, the port.
  backend::Status open_gateway();
  backend::Status open_server();
  void add_routes();
  backend::Status listen();
  // One /v1 request on a server thread: the fault rule that matches its route, if any,
  // shapes the gateway's answer.
  void handle(const httplib::Request& req, httplib::Response& res);
  void answer(const httplib::Request& req, httplib::Response& res, const FaultRule& fault);

  SimOptions m_opt;
  std::unique_ptr<backend::LocalGateway> m_gw;
  std::unique_ptr<httplib::SSLServer> m_server;
  std::thread m_thread;
  std::mutex m_fault_mu;
  std::atomic<int> m_port{0};
};

}  // namespace kiosk::tools
