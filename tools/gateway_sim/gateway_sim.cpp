// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/gateway_sim/gateway_sim.h"

#include <httplib.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <cstdio>
#include <random>

namespace kiosk::tools {
namespace {

using backend::ErrorCode;
using backend::make_error;

// Sends a TCP reset on the connection from remote_port: httplib does not hand the socket
// to handlers, so find it among our descriptors by its peer port.
void reset_connection(int remote_port) {
  for (int fd = 3; fd < 4096; ++fd) {
    sockaddr_storage peer{};
    socklen_t len = sizeof peer;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) != 0) continue;
    int port = 0;
    if (peer.ss_family == AF_INET) port = ntohs(reinterpret_cast<sockaddr_in*>(&peer)->sin_port);
    if (peer.ss_family == AF_INET6) port = ntohs(reinterpret_cast<sockaddr_in6*>(&peer)->sin6_port);
    if (port != remote_port) continue;
    linger l{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    shutdown(fd, SHUT_RDWR);
    return;
  }
}

}  // namespace

backend::Result<FaultRule> parse_fault_rule(const std::string& text) {
  FaultRule r;
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    return make_error(ErrorCode::ConfigError, "fault must be ROUTE=MODE: " + text);
  r.route = text.substr(0, eq);
  std::string rest = text.substr(eq + 1);
  if (auto at = rest.find('@'); at != std::string::npos) {
    r.percent = std::atoi(rest.c_str() + at + 1);
    rest.resize(at);
  }
  if (auto x = rest.find('x'); x != std::string::npos) {
    r.count = std::atoi(rest.c_str() + x + 1);
    rest.resize(x);
  }
  std::string mode = rest;
  if (auto colon = rest.find(':'); colon != std::string::npos) {
    r.ms = std::atoi(rest.c_str() + colon + 1);
    mode = rest.substr(0, colon);
  }
  if (mode == "latency") r.mode = FaultMode::Latency;
  else if (mode == "500") r.mode = FaultMode::Status500;
  else if (mode == "reset") r.mode = FaultMode::Reset;
  else if (mode == "malformed") r.mode = FaultMode::Malformed;
  else if (mode == "truncate") r.mode = FaultMode::Truncate;
  else if (mode == "slow") r.mode = FaultMode::Slow;
  else if (mode == "taken") r.mode = FaultMode::Taken;
  else if (mode == "none") r.mode = FaultMode::None;
  else return make_error(ErrorCode::ConfigError, "unknown fault mode: " + mode);
  if (r.mode == FaultMode::Slow && r.ms <= 0) r.ms = 500;
  if (r.route != "*" && !backend::endpoint_from_name(r.route))
    return make_error(ErrorCode::ConfigError, "unknown route in fault: " + r.route);
  return r;
}

GatewaySim::GatewaySim(SimOptions options) : m_opt(std::move(options)) {}

GatewaySim::~GatewaySim() { stop(); }

void GatewaySim::set_faults(std::vector<FaultRule> faults) {
  std::lock_guard lock(m_fault_mu);
  m_opt.faults = std::move(faults);
}

FaultRule* GatewaySim::match_fault(const std::string& route) {
  static thread_local std::mt19937 rng{std::random_device{}()};
  for (auto& f : m_opt.faults) {
    if (f.route != "*" && f.route != route) continue;
    if (f.count >= 0 && f.used >= f.count) continue;
    if (f.percent < 100 && static_cast<int>(rng() % 100) >= f.percent) continue;
    ++f.used;
    return &f;
  }
  return nullptr;
}

nlohmann::json GatewaySim::applied_applications() { return m_gw->applied_applications(); }

backend::Status GatewaySim::start() {
  if (auto opened = open_gateway(); !opened) return opened;
  if (auto opened = open_server(); !opened) return opened;
  add_routes();
  return listen();
}

backend::Status GatewaySim::open_gateway() {
  auto gw = backend::LocalGateway::open(m_opt.demo_data_dir, backend::system_now_ms);
  if (!gw) return gw.error();
  m_gw = std::move(gw.value());
  m_gw->set_case_step_ms(m_opt.case_step_ms);
  if (!m_opt.sms_log.empty()) {
    const std::string log = m_opt.sms_log;
    m_gw->set_sms_codes(backend::SmsCodes::Random,
                        [log](const std::string& visit, const std::string& phone, const std::string& code) {
                          std::ofstream(log, std::ios::app) << visit << ' ' << phone << ' ' << code << '\n';
                        });
  }
  return backend::Unit{};
}

backend::Status GatewaySim::open_server() {
  m_server = std::make_unique<httplib::SSLServer>(m_opt.cert_file.c_str(), m_opt.key_file.c_str(),
                                                  m_opt.client_ca_file.c_str());
  if (!m_server->is_valid())
    return make_error(ErrorCode::ConfigError, "cannot load server certificate, key or client CA");
  // Resuming a TLS session whose connection a fault cut short makes httplib's server
  // answer "internal error"; a simulator needs no resumption, so switch it off.
  SSL_CTX_set_session_cache_mode(m_server->ssl_context(), SSL_SESS_CACHE_OFF);
  SSL_CTX_set_options(m_server->ssl_context(), SSL_OP_NO_TICKET);
  // Nagle's algorithm held every answer back ~40 ms (httplib writes headers and body
  // separately): 24-27 requests/s on a kept-open connection. And httplib closes a
  // kept-alive connection after 5 requests by default, which costs a mutual-TLS handshake.
  m_server->set_tcp_nodelay(true);
  m_server->set_keep_alive_max_count(100000);
  m_server->set_read_timeout(10, 0);
  m_server->set_write_timeout(10, 0);
  return backend::Unit{};
}

void GatewaySim::add_routes() {
  m_server->Get("/_sim/applications", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(m_gw->applied_applications().dump(), "application/json");
  });
  auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
  m_server->Get(R"(/v1/.*)", handler);
  m_server->Post(R"(/v1/.*)", handler);
}

void GatewaySim::handle(const httplib::Request& req, httplib::Response& res) {
  if (m_opt.nice > 0) {
    static thread_local const bool niced = ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), m_opt.nice) == 0;
    (void)niced;
  }
  const auto method = req.method == "POST" ? backend::Method::Post : backend::Method::Get;
  std::map<std::string, std::string> params;
  const auto endpoint = backend::match_route(method, req.path, params);
  const std::string route = endpoint ? backend::endpoint_info(*endpoint).name : "unknown";
  FaultRule fault;
  {
    std::lock_guard lock(m_fault_mu);
    if (auto* f = match_fault(route)) fault = *f;
  }
  if (fault.mode == FaultMode::Status500) {
    res.status = 500;
    res.set_content(R"({"code":"server_error","accessible_message":"业务系统暂时出错。","next_step":"retry_later","status":500})",
                    "application/problem+json");
  } else if (fault.mode == FaultMode::Reset) {
    // Reset before applying anything: the client must treat the effect as unknown.
    reset_connection(req.remote_port);
    res.status = 500;
  } else {
    answer(req, res, fault);
  }
  if (m_opt.log_requests)
    std::fprintf(stderr, "gateway_sim: %s %s -> %d%s\n", req.method.c_str(), req.path.c_str(),
                 res.status, fault.mode == FaultMode::None ? "" : " (fault)");
}

void GatewaySim::answer(const httplib::Request& req, httplib::Response& res, const FaultRule& fault) {
  const auto method = req.method == "POST" ? backend::Method::Post : backend::Method::Get;
  backend::GatewayRequest g;
  g.method = method;
  g.path = req.path;
  for (const auto& [k, v] : req.params) g.query[k] = v;
  g.body = req.body;
  g.idempotency_key = req.get_header_value("Idempotency-Key");
  auto sleep_ms = [](int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); };
  if (fault.mode == FaultMode::Latency && method == backend::Method::Get) sleep_ms(fault.ms);
  if (fault.mode == FaultMode::Taken) {
    const auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_object() && body.contains("slot_id") && body["slot_id"].is_string())
      m_gw->take_slot(body["slot_id"].get<std::string>());
  }
  auto reply = m_gw->handle(g, [&] {
    if (fault.mode == FaultMode::Latency) sleep_ms(fault.ms);
  });
  res.status = reply.status;
  std::string body = reply.body.dump();
  const char* type = reply.problem ? "application/problem+json" : "application/json";
  if (fault.mode == FaultMode::Malformed) {
    res.set_content(body.substr(0, body.size() / 2) + "<<not json", type);
  } else if (fault.mode == FaultMode::Truncate) {
    // Announce the full length, send half, then close.
    auto half = std::make_shared<std::string>(body.substr(0, body.size() / 2));
    res.set_content_provider(body.size(), type,
                             [half](size_t offset, size_t, httplib::DataSink& sink) {
                               if (offset < half->size())
                                 sink.write(half->data() + offset, half->size() - offset);
                               return offset < half->size();
                             });
  } else if (fault.mode == FaultMode::Slow) {
    auto full = std::make_shared<std::string>(body);
    const int ms = fault.ms;
    res.set_content_provider(body.size(), type,
                             [full, ms](size_t offset, size_t, httplib::DataSink& sink) {
                               std::this_thread::sleep_for(std::chrono::milliseconds(ms));
                               return sink.write(full->data() + offset, 1);
                             });
  } else {
    res.set_content(body, type);
  }
}

backend::Status GatewaySim::listen() {
  int port = m_opt.port;
  if (port == 0) {
    port = m_server->bind_to_any_port(m_opt.host.c_str());
    if (port <= 0) return make_error(ErrorCode::ConfigError, "cannot bind " + m_opt.host);
  } else if (!m_server->bind_to_port(m_opt.host.c_str(), port)) {
    return make_error(ErrorCode::ConfigError, "cannot bind " + m_opt.host + ":" + std::to_string(port));
  }
  m_port = port;
  m_thread = std::thread([this] { m_server->listen_after_bind(); });
  for (int i = 0; i < 500 && !m_server->is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  return backend::Unit{};
}

void GatewaySim::stop() {
  if (m_server) m_server->stop();
  if (m_thread.joinable()) m_thread.join();
}

}  // namespace kiosk::tools
