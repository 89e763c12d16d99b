// SPDX-License-Identifier: GPL-3.0-or-later
// Route handlers of the local gateway. Called with m_mu held.
#include <algorithm>
#include <map>
#include <set>

#include "kiosk/backend/local/local_gateway.h"

namespace kiosk::backend {
namespace {

using json = nlohmann::json;

const std::set<std::string> kCertTypes{"new", "renew", "replace_lost", "replace_damaged",
                                       "transfer", "cancel", "reclassify"};
const std::set<std::string> kProgrammes{"living_allowance", "care_allowance"};
const std::set<std::string> kRoles{"self", "guardian", "agent"};
const std::set<std::string> kBases{"hukou", "residence_permit"};
const std::set<std::string> kServices{"care", "employment_registration", "legal_aid", "complaint"};

std::string str(const json& b, const char* k) {
  auto it = b.find(k);
  return it != b.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

}  // namespace

GatewayResponse LocalGateway::route(Endpoint e, const std::map<std::string, std::string>& params,
                                    const GatewayRequest& req, const json& body) {
  auto param = [&](const char* k) {
    auto it = params.find(k);
    return it == params.end() ? std::string{} : it->second;
  };
  auto query = [&](const char* k) {
    auto it = req.query.find(k);
    return it == req.query.end() ? std::string{} : it->second;
  };
  switch (e) {
    case Endpoint::OpenVisit: return open_visit(body);
    case Endpoint::VisitVerify: return verify_visit(param("id"), body);
    case Endpoint::VisitResend: return resend_code(param("id"));
    case Endpoint::VisitRepresent: return represent(param("id"), body);
    case Endpoint::Subsidies: return subsidies(param("ref"));
    case Endpoint::CertificateStatus: return certificate_status(param("ref"));
    case Endpoint::SubsidyApplication:
    case Endpoint::CertificateApplication:
    case Endpoint::HomeModApplication:
    case Endpoint::AssistiveDeviceApplication:
    case Endpoint::ChildAidApplication:
    case Endpoint::ServiceApplication: return application(e, body, req.idempotency_key);
    case Endpoint::CertificateApplicationGet: return certificate_case(param("id"), query("subject_ref"));
    case Endpoint::HomeModApplicationGet: return application_get(e, param("id"));
    case Endpoint::RehabServices: return rehab_services(query("subject_ref"));
    case Endpoint::Facilities: return facilities(query("service_code"));
    case Endpoint::RehabSlots: return slots(req.query);
    case Endpoint::RehabHold: return hold(body);
    case Endpoint::RehabHoldExtend: return extend_hold(param("id"));
    case Endpoint::RehabAppointment: return appointment(body);
    case Endpoint::RehabCancel: return cancel(param("id"), body);
    case Endpoint::AssistiveDevices: return assistive_devices(query("subject_ref"));
    case Endpoint::ChildAid: return child_aid(param("ref"));
    case Endpoint::StaffCall: return staff_call(body);
    case Endpoint::QueueTicket: return queue_ticket(body);
    case Endpoint::Heartbeat: return heartbeat(body);
    case Endpoint::ConfigVersion: return config_version();
  }
  return problem(404, "no_such_route", "没有这项服务。", "go_to_window");
}

GatewayResponse LocalGateway::application(Endpoint e, const json& b, const std::string& key) {
  const std::string ref = str(b, "subject_ref");
  const json s = subject(ref);
  if (s.is_null())
    return problem(404, "subject_unknown", "没有找到申请人的登记信息。请到人工窗口办理。", "go_to_window");
  auto bad = [&](const char* field) {
    return problem(422, "invalid_" + std::string(field), "申请内容不完整。请到人工窗口办理。",
                   "go_to_window");
  };
  std::string kind = endpoint_info(e).name;
  std::string status = "submitted";
  if (e == Endpoint::SubsidyApplication || e == Endpoint::CertificateApplication) {
    if (!kRoles.count(str(b, "applicant_role"))) return bad("applicant_role");
    if (!kBases.count(str(b, "residence_basis"))) return bad("residence_basis");
    if (!b.contains("consents") || !b.at("consents").is_array()) return bad("consents");
  }
  if (e == Endpoint::SubsidyApplication && !kProgrammes.count(str(b, "programme")))
    return bad("programme");
  if (e == Endpoint::CertificateApplication && !kCertTypes.count(str(b, "type"))) return bad("type");
  if (e == Endpoint::CertificateApplication)
    if (auto refusal = certificate_refusal(s, b)) return *refusal;
  if (e == Endpoint::HomeModApplication) {
    if (!b.contains("obstacles") || !b.at("obstacles").is_array()) return bad("obstacles");
    status = "applied";
  }
  const bool rehab_aid = e == Endpoint::AssistiveDeviceApplication || e == Endpoint::ChildAidApplication;
  if (rehab_aid) {
    if (auto refusal = rehab_aid_refusal(e, s, b)) return *refusal;
    status = "applied";
  }
  if (e == Endpoint::ServiceApplication) {
    if (!kServices.count(str(b, "service"))) return bad("service");
    kind = str(b, "service");
    status = kind == "employment_registration" ? "registered"
             : kind == "care"                  ? "applied"
                                               : "received";
  }
  const std::string routed_to = s.value("hukou_region", "");
  const std::string prefix = e == Endpoint::CertificateApplication ? "CA"
                             : e == Endpoint::SubsidyApplication  ? "SA"
                             : e == Endpoint::HomeModApplication  ? "HM"
                             : e == Endpoint::AssistiveDeviceApplication ? "AD"
                             : e == Endpoint::ChildAidApplication ? "CR"
                                                                  : "SV";
  const std::string id = next_id(prefix);
  json record{{"application_id", id}, {"type", str(b, "type")}, {"programme", str(b, "programme")},
              {"status", status},
              {"routed_to", routed_to}, {"created_ms", m_now()},
              {"timeline", json::array({{{"status", status}, {"at", now_rfc3339()}}})},
              {"deadlines", json::object()}};
  if (rehab_aid)
    for (const char* k : {"device_code", "request_type", "org_id"}) record[k] = str(b, k);
  auto ins = m_db->prepare("INSERT INTO applications VALUES(?,?,?,?,?,?,?)");
  if (!ins) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  ins->bind(1, id).bind(2, kind).bind(3, ref).bind(4, str(b, "client_reference")).bind(5, key);
  ins->bind(6, status).bind(7, record.dump());
  if (auto r = ins->run(); !r) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  if (e == Endpoint::CertificateApplication) {
    auto c = m_db->prepare("INSERT INTO cert_apps VALUES(?,?,?)");
    if (c) (void)c->bind(1, id).bind(2, ref).bind(3, record.dump()).run();
  }
  json out{{"status", status}, {"routed_to", routed_to}};
  if (e == Endpoint::SubsidyApplication || e == Endpoint::ServiceApplication || rehab_aid)
    out["case_id"] = id;
  else
    out["application_id"] = id;
  return ok(202, std::move(out));
}

GatewayResponse LocalGateway::application_get(Endpoint e, const std::string& id) {
  auto st = m_db->prepare(e == Endpoint::CertificateApplicationGet
                              ? "SELECT data FROM cert_apps WHERE id=?"
                              : "SELECT data FROM applications WHERE case_id=? AND kind='home_modification_application'");
  if (!st) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  st->bind(1, id);
  auto r = st->step();
  if (!r || !r.value())
    return problem(404, "application_unknown", "没有找到这份申请。请到人工窗口查询。", "go_to_window");
  auto a = json::parse(st->col_text(0), nullptr, false);
  if (e == Endpoint::CertificateApplicationGet) a = advanced_certificate_case(std::move(a));
  if (!a.contains("data_as_of")) a["data_as_of"] = m_demo.value("data_as_of", "");
  return ok(200, std::move(a));
}

GatewayResponse LocalGateway::rehab_services(const std::string& ref) {
  const json s = subject(ref);
  if (s.is_null() || !s.contains("rehab_services"))
    return problem(404, "subject_unknown", "没有找到相关记录。请到人工窗口办理。", "go_to_window");
  json answer = rehab_plan_of(ref);
  answer["services"] = s.at("rehab_services");
  answer["data_as_of"] = m_demo.value("data_as_of", "");
  return ok(200, std::move(answer));
}

GatewayResponse LocalGateway::facilities(const std::string& service_code) {
  json list = json::array();
  for (const auto& f : m_demo.at("facilities")) {
    bool has = service_code.empty();
    for (const auto& s : f.at("services")) has = has || s == service_code;
    if (has) list.push_back(f);
  }
  return ok(200, {{"facilities", list}, {"data_as_of", m_demo.value("data_as_of", "")}});
}

GatewayResponse LocalGateway::slots(const std::map<std::string, std::string>& q) {
  auto get = [&](const char* k) {
    auto it = q.find(k);
    return it == q.end() ? std::string{} : it->second;
  };
  const std::string code = get("service_code");
  if (code.empty()) return problem(400, "service_code_missing", "请选择服务项目。", "retry_later");
  // Expired holds give their slots back before anyone looks.
  auto free_q = m_db->prepare(
      "UPDATE slots SET status='free' WHERE status='held' AND slot_id IN "
      "(SELECT slot_id FROM holds WHERE used=0 AND expires_ms <= ?)");
  if (free_q) (void)free_q->bind(1, m_now()).run();
  const std::string needs = get("needs");
  auto st = m_db->prepare(
      "SELECT slot_id, org, start, end_, status, org_id FROM slots WHERE service_code=? "
      "AND (?='' OR start >= ?) AND (?='' OR start < ?) ORDER BY start, slot_id");
  if (!st) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  st->bind(1, code).bind(2, get("from")).bind(3, get("from")).bind(4, get("to")).bind(5, get("to"));
  json list = json::array();
  while (true) {
    auto r = st->step();
    if (!r || !r.value()) break;
    const std::string org_id = st->col_text(5);
    bool fits = true;
    if (!needs.empty())
      for (const auto& f : m_demo.at("facilities"))
        if (f.value("org_id", "") == org_id) {
          // needs is a comma list; every need must be in the facility's access list.
          size_t pos = 0;
          while (pos <= needs.size()) {
            auto comma = needs.find(',', pos);
            auto need = needs.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
            bool found = false;
            for (const auto& a : f.at("access")) found = found || a == need;
            fits = fits && (need.empty() || found);
            if (comma == std::string::npos) break;
            pos = comma + 1;
          }
        }
    if (!fits) continue;
    list.push_back({{"slot_id", st->col_text(0)}, {"org", st->col_text(1)}, {"org_id", org_id},
                    {"start", st->col_text(2)}, {"end", st->col_text(3)},
                    {"status", st->col_text(4)}});
  }
  return ok(200, {{"slots", nearest_first(std::move(list), get("region"), code)}});
}

// With a region: the institutions of the same county first, then the same city, the same
// province, the rest; an assessment only in the province (its government designates the
// assessing institutions). Each institution's times stay in order; 50 slots at the most.
json LocalGateway::nearest_first(json list, const std::string& region, const std::string& service_code) const {
  std::map<std::string, std::string> org_region;
  for (const auto& f : m_demo.at("facilities")) org_region[f.value("org_id", "")] = f.value("region", "");
  auto rank = [&](const json& slot) {
    const std::string& r = org_region[slot.value("org_id", "")];
    if (region.size() != 6 || r.size() != 6) return 0;
    constexpr std::size_t kDigits[] = {6, 4, 2};   // county, city, province
    for (int near = 0; near < 3; ++near) {
      const std::size_t digits = kDigits[near];
      if (r.compare(0, digits, region, 0, digits) == 0) return near;
    }
    return 3;
  };
  const bool assessment = service_code.rfind("disability_assessment_", 0) == 0;
  json kept = json::array();
  for (auto& slot : list)
    if (!(assessment && rank(slot) == 3)) kept.push_back(std::move(slot));
  std::stable_sort(kept.begin(), kept.end(), [&](const json& a, const json& b) { return rank(a) < rank(b); });
  if (kept.size() > 50) kept.erase(kept.begin() + 50, kept.end());
  return kept;
}

GatewayResponse LocalGateway::hold(const json& b) {
  const std::string slot = str(b, "slot_id"), ref = str(b, "subject_ref");
  if (subject(ref).is_null()) return problem(404, "subject_unknown", "没有找到相关记录。", "go_to_window");
  const auto now = m_now();
  auto free_q = m_db->prepare(
      "UPDATE slots SET status='free' WHERE status='held' AND slot_id IN "
      "(SELECT slot_id FROM holds WHERE used=0 AND expires_ms <= ?)");
  if (free_q) (void)free_q->bind(1, now).run();
  if (taken_at_hold(slot)) return problem(409, "slot_taken", "这个时间已被预约，请选择其他时间。", "retry_later");
  auto up = m_db->prepare("UPDATE slots SET status='held' WHERE slot_id=? AND status='free'");
  if (!up) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  up->bind(1, slot);
  if (auto r = up->run(); !r) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  if (sqlite3_changes(m_db->raw()) == 0)
    return problem(409, "slot_taken", "这个时间已被预约，请选择其他时间。", "retry_later");
  const std::string id = next_id("H");
  const std::int64_t expires = now + 10 * 60 * 1000;
  auto ins = m_db->prepare("INSERT INTO holds(hold_id, slot_id, subject_ref, expires_ms) VALUES(?,?,?,?)");
  if (ins) (void)ins->bind(1, id).bind(2, slot).bind(3, ref).bind(4, expires).run();
  return ok(201, {{"hold_id", id}, {"expires_at", format_rfc3339_cst(expires)}, {"slot_id", slot}});
}

GatewayResponse LocalGateway::appointment(const json& b) {
  const std::string hold_id = str(b, "hold_id"), ref = str(b, "subject_ref");
  auto st = m_db->prepare("SELECT slot_id, subject_ref, expires_ms, used FROM holds WHERE hold_id=?");
  if (!st) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  st->bind(1, hold_id);
  auto r = st->step();
  if (!r || !r.value()) return problem(404, "hold_unknown", "没有找到这个预留。", "retry_later");
  const std::string slot = st->col_text(0);
  if (st->col_text(1) != ref) return problem(403, "hold_not_yours", "预留信息不一致。", "call_staff");
  if (st->col_int(3) != 0 || st->col_int(2) <= m_now())
    return problem(410, "hold_expired", "预留已过期。请重新选择时间。", "retry_later");
  const std::string id = next_id("AP");
  (void)m_db->exec("UPDATE holds SET used=1 WHERE hold_id='" + hold_id + "'");
  auto up = m_db->prepare("UPDATE slots SET status='booked' WHERE slot_id=?");
  if (up) (void)up->bind(1, slot).run();
  auto ins = m_db->prepare("INSERT INTO appointments VALUES(?,?,?,'booked')");
  if (ins) (void)ins->bind(1, id).bind(2, slot).bind(3, ref).run();
  json answer = where_of(slot);
  answer.update({{"appointment_id", id}, {"status", "booked"}, {"slot_id", slot},
                 {"instructions_text", "请在预约时间前15分钟到达，携带残疾人证和身份证。"}});
  return ok(201, std::move(answer));
}

GatewayResponse LocalGateway::cancel(const std::string& id, const json& b) {
  if (str(b, "reason_code").empty())
    return problem(400, "reason_code_missing", "请选择取消原因。", "retry_later");
  auto st = m_db->prepare("SELECT slot_id, status FROM appointments WHERE id=?");
  if (!st) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  st->bind(1, id);
  auto r = st->step();
  if (!r || !r.value()) return problem(404, "appointment_unknown", "没有找到这个预约。", "go_to_window");
  const std::string slot = st->col_text(0);
  auto up = m_db->prepare("UPDATE appointments SET status='cancelled' WHERE id=?");
  if (up) (void)up->bind(1, id).run();
  auto fr = m_db->prepare("UPDATE slots SET status='free' WHERE slot_id=?");
  if (fr) (void)fr->bind(1, slot).run();
  return ok(200, {{"appointment_id", id}, {"status", "cancelled"}});
}

GatewayResponse LocalGateway::staff_call(const json& b) {
  if (str(b, "reason_code").empty() || str(b, "screen_id").empty())
    return problem(400, "invalid_staff_call", "呼叫信息不完整。", "go_to_window");
  return ok(201, {{"call_id", next_id("SC")}, {"status", "requested"}});
}

GatewayResponse LocalGateway::queue_ticket(const json& b) {
  if (str(b, "service_code").empty())
    return problem(400, "service_code_missing", "请选择办理事项。", "go_to_window");
  char number[16];
  std::snprintf(number, sizeof number, "A%03lld", static_cast<long long>(m_seq % 1000 + 1));
  return ok(201, {{"ticket_id", next_id("QT")}, {"number", number}, {"status", "issued"},
                  {"waiting_ahead", 3}, {"window", "3号窗口"}});
}

GatewayResponse LocalGateway::heartbeat(const json& b) {
  if (!b.contains("app_version"))
    return problem(400, "app_version_missing", "心跳信息不完整。", "call_staff");
  return ok(200, {{"server_time", now_rfc3339()},
                  {"latest_config_version", m_demo.value("config_version", "")},
                  {"commands", json::array()}});
}

GatewayResponse LocalGateway::config_version() {
  return ok(200, {{"config_version", m_demo.value("config_version", "")},
                  {"content_version", m_demo.value("content_version", "")}});
}

}  // namespace kiosk::backend
