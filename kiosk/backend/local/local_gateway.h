// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The protocol answered in process from a SQLite database built from config/demo data.
// Used by the `local` FederationApi and served over HTTPS by tools/gateway_sim, so both
// give the same answers. Implements the gateway side of docs/domain.md section 6, including
// idempotency keys (replay, 409 in flight, 422 different body, 400 missing).
// Thread-safe: handle() may be called from any number of threads.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/backend/api/api_types.h"
#include "kiosk/backend/api/backend_config.h"
#include "kiosk/backend/api/endpoints.h"
#include "kiosk/backend/outbox/sqlite_util.h"

namespace kiosk::backend {

struct GatewayRequest {
  Method method = Method::Get;
  std::string path;                            // without query
  std::map<std::string, std::string> query;    // decoded
  std::string body;                            // raw JSON text ("" for GET)
  std::string idempotency_key;
};

struct GatewayResponse {
  int status = 200;
  nlohmann::json body;       // every answer carries data_as_of
  bool problem = false;      // application/problem+json
};

// Where a visit's SMS code comes from: the documented demo code (residents.json
// `sms_demo_code`), or six random digits (the simulator, which reports them to a sink).
enum class SmsCodes { Demo, Random };
// Receives each code "sent": visit id, phone on file, code. Called with the gateway's lock held.
using SmsSink = std::function<void(const std::string&, const std::string&, const std::string&)>;

class LocalGateway {
 public:
  // demo_dir holds residents.json; now_ms gives the clock for holds (10 min).
  static Result<std::unique_ptr<LocalGateway>> open(const std::string& demo_dir,
                                                    std::function<std::int64_t()> now_ms);
  // between_mark_and_apply runs after a POST's idempotency key is marked in flight and
  // before the request is applied, outside the lock (the simulator's latency fault).
  GatewayResponse handle(const GatewayRequest& request,
                         const std::function<void()>& between_mark_and_apply = {});
  // Every application applied, for exactly-once checks:
  // {"applications":[{"case_id","kind","client_reference","idempotency_key"}]}.
  nlohmann::json applied_applications();
  void set_sms_codes(SmsCodes codes, SmsSink sink = {});
  // A subsidy or certificate application made through the gateway moves one stage on
  // every `step_ms` (the simulator's --advance-ms), so a later visit shows progress; 0 = never.
  void set_case_step_ms(std::int64_t step_ms);
  // Books a slot behind the resident's back (the simulator's "taken" fault: a slot found
  // free is gone by the time it is held).
  void take_slot(const std::string& slot_id);

 private:
  LocalGateway(std::unique_ptr<sql::Db> db, std::function<std::int64_t()> now_ms,
               nlohmann::json demo)
      : m_db(std::move(db)), m_now(std::move(now_ms)), m_demo(std::move(demo)) {}
  Status load();
  GatewayResponse route(Endpoint e, const std::map<std::string, std::string>& params,
                        const GatewayRequest& req, const nlohmann::json& body);
  GatewayResponse ok(int status, nlohmann::json body) const;
  GatewayResponse problem(int status, const std::string& code, const std::string& message,
                          const std::string& next_step) const;
  std::string now_rfc3339() const;
  std::string next_id(const std::string& prefix);
  nlohmann::json subject(const std::string& ref);

  // Route handlers (local_gateway_routes.cpp).
  // Visits and the second factor (local_gateway_visits.cpp).
  GatewayResponse open_visit(const nlohmann::json& b);
  GatewayResponse verify_visit(const std::string& id, const nlohmann::json& b);
  GatewayResponse resend_code(const std::string& id);
  GatewayResponse represent(const std::string& id, const nlohmann::json& b);
  nlohmann::json find_person(const std::string& id_number);
  std::string new_sms_code();
  // The two subsidies (local_gateway_subsidies.cpp).
  struct Eligibility { bool may = false; nlohmann::json reasons = nlohmann::json::array(); };
  GatewayResponse subsidies(const std::string& ref);
  Eligibility may_apply(const nlohmann::json& subject, const std::string& programme);
  nlohmann::json subsidy_case(const nlohmann::json& subject, const std::string& programme);
  // The certificate (local_gateway_certificate.cpp).
  GatewayResponse certificate_status(const std::string& ref);
  std::optional<GatewayResponse> certificate_refusal(const nlohmann::json& subject, const nlohmann::json& body);
  nlohmann::json advanced_certificate_case(nlohmann::json record);
  bool has_case_in_progress(const std::string& subject_ref, const std::string& type);
  std::vector<nlohmann::json> certificate_cases_of(const std::string& subject_ref);
  GatewayResponse certificate_case(const std::string& id, const std::string& subject_ref);
  // The applications of `kind` (an endpoint's name, e.g. "subsidy_application") made
  // through this gateway for `subject_ref`, oldest first, each with its stored body (one
  // whose body does not parse is left out). Caller holds m_mu.
  struct StoredApplication {
    std::string case_id, status, client_reference;
    nlohmann::json data;
  };
  std::vector<StoredApplication> applications_of(const std::string& kind, const std::string& subject_ref);
  // Assistive devices and children's rehabilitation aid (local_gateway_devices.cpp).
  Status load_rehab_aid();   // its children, guardians and institutions (residents.json rehab_aid)
  GatewayResponse assistive_devices(const std::string& ref);
  nlohmann::json device_eligibility(const nlohmann::json& subject, const std::string& code);
  std::optional<GatewayResponse> rehab_aid_refusal(Endpoint e, const nlohmann::json& subject, const nlohmann::json& body);
  GatewayResponse child_aid(const std::string& ref);
  GatewayResponse extend_hold(const std::string& hold_id);
  GatewayResponse application(Endpoint e, const nlohmann::json& b, const std::string& key);
  GatewayResponse application_get(Endpoint e, const std::string& id);
  GatewayResponse rehab_services(const std::string& ref);
  GatewayResponse facilities(const std::string& service_code);
  GatewayResponse slots(const std::map<std::string, std::string>& q);
  nlohmann::json nearest_first(nlohmann::json list, const std::string& region, const std::string& service_code) const;
  GatewayResponse hold(const nlohmann::json& b);
  GatewayResponse appointment(const nlohmann::json& b);
  GatewayResponse cancel(const std::string& id, const nlohmann::json& b);
  // Rehabilitation plans, seeded appointments and the always-taken slot (local_gateway_rehab.cpp).
  Status load_rehab();
  nlohmann::json rehab_plan_of(const std::string& ref);
  bool taken_at_hold(const std::string& slot_id);
  nlohmann::json where_of(const std::string& slot_id);
  GatewayResponse staff_call(const nlohmann::json& b);
  GatewayResponse queue_ticket(const nlohmann::json& b);
  GatewayResponse heartbeat(const nlohmann::json& b);
  GatewayResponse config_version();

  std::mutex m_mu;
  std::unique_ptr<sql::Db> m_db;
  std::function<std::int64_t()> m_now;
  nlohmann::json m_demo;
  std::int64_t m_seq = 0;
  SmsCodes m_sms_codes = SmsCodes::Demo;
  SmsSink m_sms_sink;
  std::int64_t m_case_step_ms = 0;
};

std::string format_rfc3339_cst(std::int64_t ms_since_epoch);  // "+08:00" offset

}  // namespace kiosk::backend
