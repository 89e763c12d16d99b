// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The routes of the kiosk <-> provincial federation gateway protocol (docs/openapi.yaml),
// shared by the http client, the local implementation and the gateway simulator so the
// three can never disagree. Pure data and functions; any thread may call.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace kiosk::backend {

enum class Endpoint {
  OpenVisit,                 // POST /v1/visits
  VisitVerify,               // POST /v1/visits/{id}/verify     (the SMS code)
  VisitResend,               // POST /v1/visits/{id}/resend
  VisitRepresent,            // POST /v1/visits/{id}/represent  (an agent names the resident)
  Subsidies,                 // GET  /v1/subjects/{ref}/subsidies
  SubsidyApplication,        // POST /v1/subsidy-applications            (outbox)
  CertificateStatus,         // GET  /v1/subjects/{ref}/certificate
  CertificateApplication,    // POST /v1/certificate-applications        (outbox)
  CertificateApplicationGet, // GET  /v1/certificate-applications/{id}
  HomeModApplication,        // POST /v1/home-modification-applications  (outbox)
  HomeModApplicationGet,     // GET  /v1/home-modification-applications/{id}
  ServiceApplication,        // POST /v1/service-applications            (outbox)
  RehabServices,             // GET  /v1/rehab/services?subject_ref=
  Facilities,                // GET  /v1/facilities?service_code=
  RehabSlots,                // GET  /v1/rehab/slots?service_code=&from=&to=&needs=
  RehabHold,                 // POST /v1/rehab/holds
  RehabHoldExtend,           // POST /v1/rehab/holds/{id}/extend   (once: a slow resident keeps the slot)
  RehabAppointment,          // POST /v1/rehab/appointments
  RehabCancel,               // POST /v1/rehab/appointments/{id}/cancel
  AssistiveDevices,          // GET  /v1/assistive-devices[?subject_ref=]  (with it: held, applications, may apply)
  AssistiveDeviceApplication,// POST /v1/assistive-device-applications    (outbox: new, repair, rental)
  ChildAid,                  // GET  /v1/subjects/{ref}/child-rehab-aid    (the child's case and the county whose rules apply)
  ChildAidApplication,       // POST /v1/child-rehab-aid-applications      (outbox; the guardian for the child)
  StaffCall,                 // POST /v1/staff-calls
  QueueTicket,               // POST /v1/queue-tickets
  Heartbeat,                 // POST /v1/terminals/heartbeat
  ConfigVersion,             // GET  /v1/terminals/config-version
};

enum class Method { Get, Post };

// Live: needs the gateway now, fails at once when it is unreachable.
// Application: written to the outbox first, delivered at least once.
enum class CallKind { Live, Application };

struct EndpointInfo {
  Endpoint endpoint;
  Method method;
  const char* path_template;  // "{x}" marks a path parameter (opaque references only)
  CallKind kind;
  bool retry_safe;            // may be retried automatically (GETs, heartbeat)
  const char* name;           // stable snake_case name (outbox kind, tools)
};

const EndpointInfo& endpoint_info(Endpoint e);
const std::vector<EndpointInfo>& all_endpoints();
std::optional<Endpoint> endpoint_from_name(const std::string& name);
const char* to_string(Method m);

struct ApiRequest {
  Endpoint endpoint = Endpoint::ConfigVersion;
  std::map<std::string, std::string> path_params;            // e.g. {"ref", "sub_..."}
  std::vector<std::pair<std::string, std::string>> query;    // opaque refs and codes only
  nlohmann::json body;                                       // null for GET
};

// Path with parameters and query filled in and percent-encoded, e.g. "/v1/rehab/slots?service_code=pt".
std::string build_target(const ApiRequest& request);
// Path without the query (the transcript's `request.path`).
std::string build_path(const ApiRequest& request);

// Matches an incoming method and path (no query) against the table; fills path params.
std::optional<Endpoint> match_route(Method method, const std::string& path,
                                    std::map<std::string, std::string>& params);

std::string percent_encode(const std::string& s);

// Builders for the common calls, so screens never spell paths.
namespace requests {
// id_number: the person at the kiosk (the actor). method: id_chip_sms | id_chip_staff |
// keyed_sms | keyed_staff (never a face alone); the staff methods carry the staff member's
// number and PIN. Numbers go in the body only, never in a path or a log.
ApiRequest open_visit(const std::string& id_number, const std::string& method,
                      const std::string& staff_number = {}, const std::string& staff_pin = {});
ApiRequest verify_visit(const std::string& visit_id, const std::string& code);
ApiRequest resend_code(const std::string& visit_id);
// The actor of a verified visit acts for the resident with this ID number.
// relationship: parent | guardian | spouse | child | other_relative | village_officer |
// hall_staff; authority: guardianship | written_authorisation | officer_on_request.
ApiRequest represent(const std::string& visit_id, const std::string& represented_id_number,
                     const std::string& relationship, const std::string& authority);
ApiRequest subsidies(const std::string& subject_ref);
ApiRequest certificate_status(const std::string& subject_ref);
ApiRequest certificate_application_get(const std::string& application_id);
ApiRequest home_mod_application_get(const std::string& application_id);
ApiRequest rehab_services(const std::string& subject_ref);
ApiRequest facilities(const std::string& service_code);
ApiRequest rehab_slots(const std::string& service_code, const std::string& from,
                       const std::string& to, const std::string& needs = {});
ApiRequest rehab_hold(const std::string& slot_id, const std::string& subject_ref);
ApiRequest rehab_hold_extend(const std::string& hold_id);
ApiRequest rehab_appointment(const std::string& hold_id, const std::string& subject_ref,
                             const nlohmann::json& needs, const std::string& contact_channel);
ApiRequest rehab_cancel(const std::string& appointment_id, const std::string& reason_code);
ApiRequest assistive_devices();
ApiRequest staff_call(const std::string& reason_code, const std::vector<std::string>& needs,
                      const std::string& screen_id);
ApiRequest queue_ticket(const std::string& service_code, const std::vector<std::string>& needs);
ApiRequest heartbeat(const std::string& app_version, const std::string& config_version,
                     const nlohmann::json& peripherals, int offline_queue_len);
ApiRequest config_version();
}  // namespace requests

}  // namespace kiosk::backend
