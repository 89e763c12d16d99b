// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/api/endpoints.h"

#include <cstdio>

namespace kiosk::backend {
namespace {

using E = Endpoint;
using M = Method;
using K = CallKind;

const std::vector<EndpointInfo> kTable{
    {E::OpenVisit, M::Post, "/v1/visits", K::Live, false, "open_visit"},
    {E::VisitVerify, M::Post, "/v1/visits/{id}/verify", K::Live, false, "verify_visit"},
    {E::VisitResend, M::Post, "/v1/visits/{id}/resend", K::Live, false, "resend_code"},
    {E::VisitRepresent, M::Post, "/v1/visits/{id}/represent", K::Live, false, "represent"},
    {E::Subsidies, M::Get, "/v1/subjects/{ref}/subsidies", K::Live, true, "subsidies"},
    {E::SubsidyApplication, M::Post, "/v1/subsidy-applications", K::Application, false,
     "subsidy_application"},
    {E::CertificateStatus, M::Get, "/v1/subjects/{ref}/certificate", K::Live, true,
     "certificate_status"},
    {E::CertificateApplication, M::Post, "/v1/certificate-applications", K::Application, false,
     "certificate_application"},
    {E::CertificateApplicationGet, M::Get, "/v1/certificate-applications/{id}", K::Live, true,
     "certificate_application_get"},
    {E::HomeModApplication, M::Post, "/v1/home-modification-applications", K::Application, false,
     "home_modification_application"},
    {E::HomeModApplicationGet, M::Get, "/v1/home-modification-applications/{id}", K::Live, true,
     "home_modification_application_get"},
    {E::ServiceApplication, M::Post, "/v1/service-applications", K::Application, false,
     "service_application"},
    {E::RehabServices, M::Get, "/v1/rehab/services", K::Live, true, "rehab_services"},
    {E::Facilities, M::Get, "/v1/facilities", K::Live, true, "facilities"},
    {E::RehabSlots, M::Get, "/v1/rehab/slots", K::Live, true, "rehab_slots"},
    {E::RehabHold, M::Post, "/v1/rehab/holds", K::Live, false, "rehab_hold"},
    {E::RehabHoldExtend, M::Post, "/v1/rehab/holds/{id}/extend", K::Live, false, "rehab_hold_extend"},
    {E::RehabAppointment, M::Post, "/v1/rehab/appointments", K::Live, false, "rehab_appointment"},
    {E::RehabCancel, M::Post, "/v1/rehab/appointments/{id}/cancel", K::Live, false,
     "rehab_cancel"},
    {E::AssistiveDevices, M::Get, "/v1/assistive-devices", K::Live, true, "assistive_devices"},
    {E::AssistiveDeviceApplication, M::Post, "/v1/assistive-device-applications", K::Application, false,
     "assistive_device_application"},
    {E::ChildAid, M::Get, "/v1/subjects/{ref}/child-rehab-aid", K::Live, true, "child_rehab_aid"},
    {E::ChildAidApplication, M::Post, "/v1/child-rehab-aid-applications", K::Application, false,
     "child_rehab_aid_application"},
    {E::StaffCall, M::Post, "/v1/staff-calls", K::Live, false, "staff_call"},
    {E::QueueTicket, M::Post, "/v1/queue-tickets", K::Live, false, "queue_ticket"},
    {E::Heartbeat, M::Post, "/v1/terminals/heartbeat", K::Live, true, "heartbeat"},
    {E::ConfigVersion, M::Get, "/v1/terminals/config-version", K::Live, true, "config_version"},
};

std::vector<std::string> split_path(const std::string& p) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : p) {
    if (c == '/') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

ApiRequest make(Endpoint e) {
  ApiRequest r;
  r.endpoint = e;
  return r;
}

}  // namespace

const EndpointInfo& endpoint_info(Endpoint e) {
  for (const auto& i : kTable)
    if (i.endpoint == e) return i;
  return kTable.back();
}

const std::vector<EndpointInfo>& all_endpoints() { return kTable; }

std::optional<Endpoint> endpoint_from_name(const std::string& name) {
  for (const auto& i : kTable)
    if (name == i.name) return i.endpoint;
  return std::nullopt;
}

const char* to_string(Method m) { return m == Method::Get ? "GET" : "POST"; }

std::string percent_encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string build_path(const ApiRequest& request) {
  std::string tpl = endpoint_info(request.endpoint).path_template;
  std::string out;
  for (size_t i = 0; i < tpl.size(); ++i) {
    if (tpl[i] == '{') {
      auto close = tpl.find('}', i);
      auto name = tpl.substr(i + 1, close - i - 1);
      auto it = request.path_params.find(name);
      out += percent_encode(it == request.path_params.end() ? std::string{} : it->second);
      i = close;
    } else {
      out += tpl[i];
    }
  }
  return out;
}

std::string build_target(const ApiRequest& request) {
  std::string out = build_path(request);
  char sep = '?';
  for (const auto& [k, v] : request.query) {
    if (v.empty()) continue;
    out += sep;
    out += percent_encode(k) + "=" + percent_encode(v);
    sep = '&';
  }
  return out;
}

std::optional<Endpoint> match_route(Method method, const std::string& path,
                                    std::map<std::string, std::string>& params) {
  const auto parts = split_path(path);
  for (const auto& i : kTable) {
    if (i.method != method) continue;
    const auto tparts = split_path(i.path_template);
    if (tparts.size() != parts.size()) continue;
    std::map<std::string, std::string> found;
    bool ok = true;
    for (size_t k = 0; k < parts.size() && ok; ++k) {
      const auto& t = tparts[k];
      if (!t.empty() && t.front() == '{')
        found[t.substr(1, t.size() - 2)] = parts[k];
      else
        ok = t == parts[k];
    }
    if (ok) {
      params = std::move(found);
      return i.endpoint;
    }
  }
  return std::nullopt;
}

namespace requests {

ApiRequest open_visit(const std::string& id_number, const std::string& method,
                      const std::string& staff_number, const std::string& staff_pin) {
  auto r = make(E::OpenVisit);
  r.body = {{"id_number", id_number}, {"method", method}};
  if (!staff_number.empty()) {
    r.body["staff_number"] = staff_number;
    r.body["staff_pin"] = staff_pin;
  }
  return r;
}
ApiRequest verify_visit(const std::string& visit_id, const std::string& code) {
  auto r = make(E::VisitVerify);
  r.path_params["id"] = visit_id;
  r.body = {{"code", code}};
  return r;
}
ApiRequest resend_code(const std::string& visit_id) {
  auto r = make(E::VisitResend);
  r.path_params["id"] = visit_id;
  r.body = nlohmann::json::object();
  return r;
}
ApiRequest represent(const std::string& visit_id, const std::string& represented_id_number,
                     const std::string& relationship, const std::string& authority) {
  auto r = make(E::VisitRepresent);
  r.path_params["id"] = visit_id;
  r.body = {{"represented_id_number", represented_id_number},
            {"relationship", relationship},
            {"authority", authority}};
  return r;
}
ApiRequest subsidies(const std::string& subject_ref) {
  auto r = make(E::Subsidies);
  r.path_params["ref"] = subject_ref;
  return r;
}
ApiRequest certificate_status(const std::string& subject_ref) {
  auto r = make(E::CertificateStatus);
  r.path_params["ref"] = subject_ref;
  return r;
}
ApiRequest certificate_application_get(const std::string& application_id) {
  auto r = make(E::CertificateApplicationGet);
  r.path_params["id"] = application_id;
  return r;
}
ApiRequest home_mod_application_get(const std::string& application_id) {
  auto r = make(E::HomeModApplicationGet);
  r.path_params["id"] = application_id;
  return r;
}
ApiRequest rehab_services(const std::string& subject_ref) {
  auto r = make(E::RehabServices);
  r.query = {{"subject_ref", subject_ref}};
  return r;
}
ApiRequest facilities(const std::string& service_code) {
  auto r = make(E::Facilities);
  r.query = {{"service_code", service_code}};
  return r;
}
ApiRequest rehab_slots(const std::string& service_code, const std::string& from,
                       const std::string& to, const std::string& needs) {
  auto r = make(E::RehabSlots);
  r.query = {{"service_code", service_code}, {"from", from}, {"to", to}, {"needs", needs}};
  return r;
}
ApiRequest rehab_hold(const std::string& slot_id, const std::string& subject_ref) {
  auto r = make(E::RehabHold);
  r.body = {{"slot_id", slot_id}, {"subject_ref", subject_ref}};
  return r;
}
ApiRequest rehab_hold_extend(const std::string& hold_id) {
  auto r = make(E::RehabHoldExtend);
  r.path_params["id"] = hold_id;
  r.body = nlohmann::json::object();
  return r;
}
ApiRequest rehab_appointment(const std::string& hold_id, const std::string& subject_ref,
                             const nlohmann::json& needs, const std::string& contact_channel) {
  auto r = make(E::RehabAppointment);
  r.body = {{"hold_id", hold_id},
            {"subject_ref", subject_ref},
            {"needs", needs.is_null() ? nlohmann::json::object() : needs},
            {"contact_channel", contact_channel}};
  return r;
}
ApiRequest rehab_cancel(const std::string& appointment_id, const std::string& reason_code) {
  auto r = make(E::RehabCancel);
  r.path_params["id"] = appointment_id;
  r.body = {{"reason_code", reason_code}};
  return r;
}
ApiRequest assistive_devices() { return make(E::AssistiveDevices); }
ApiRequest staff_call(const std::string& reason_code, const std::vector<std::string>& needs,
                      const std::string& screen_id) {
  auto r = make(E::StaffCall);
  r.body = {{"reason_code", reason_code}, {"needs", needs}, {"screen_id", screen_id}};
  return r;
}
ApiRequest queue_ticket(const std::string& service_code, const std::vector<std::string>& needs) {
  auto r = make(E::QueueTicket);
  r.body = {{"service_code", service_code}, {"needs", needs}};
  return r;
}
ApiRequest heartbeat(const std::string& app_version, const std::string& config_version,
                     const nlohmann::json& peripherals, int offline_queue_len) {
  auto r = make(E::Heartbeat);
  r.body = {{"app_version", app_version},
            {"config_version", config_version},
            {"peripherals", peripherals.is_null() ? nlohmann::json::object() : peripherals},
            {"offline_queue_len", offline_queue_len}};
  return r;
}
ApiRequest config_version() { return make(E::ConfigVersion); }

}  // namespace requests
}  // namespace kiosk::backend
