// SPDX-License-Identifier: GPL-3.0-or-later
// The disability certificate as the demo gateway answers it: the card's state (with
// "expiring" inside 90 days of the data's date), its cases, the rules the federation
// enforces as refusals with the way forward, cases that move along their chain when the
// simulator advances time, and holds a slow resident may extend once. Called with m_mu held.
#include <array>
#include <cstdio>
#include <vector>

#include "kiosk/backend/local/local_gateway.h"
#include "kiosk/core/calendar.h"
#include "kiosk/core/ui/masking.h"

namespace kiosk::backend {
namespace {

using json = nlohmann::json;

constexpr int kExpiringDays = 90;
constexpr std::int64_t kHoldMs = 10 * 60 * 1000;

std::string mask_number(const std::string& n) {
  if (n.size() < 10) return "****";
  return n.substr(0, 6) + std::string(n.size() - 10, '*') + n.substr(n.size() - 4, 4);
}

// The states a case made at the kiosk passes through, by transaction.
std::vector<std::string> chain_of(const std::string& type) {
  if (type == "new" || type == "reclassify")
    return {"submitted", "accepted", "assessment_booked", "assessed", "public_notice",
            "county_review", "approved", "printing", "ready_for_pickup", "issued"};
  if (type == "cancel") return {"submitted", "accepted", "approved", "issued"};
  return {"submitted", "accepted", "county_review", "approved", "printing", "ready_for_pickup", "issued"};
}

}  // namespace

GatewayResponse LocalGateway::certificate_status(const std::string& ref) {
  const json s = subject(ref);
  if (s.is_null() || s.is_discarded() || !s.contains("certificate"))
    return problem(404, "subject_unknown", "没有找到相关记录。请到人工窗口办理。", "go_to_window");
  json cert = s.at("certificate");
  if (!cert.is_null()) {
    cert["number_masked"] = mask_number(cert.value("number", ""));
    cert.erase("number");
    const long today = core::day_number(m_demo.value("data_as_of", "").substr(0, 10));
    const long expires = core::day_number(cert.value("expires_on", ""));
    if (cert.value("state", "") == "valid" && expires >= 0 && today >= 0) {
      if (expires < today) cert["state"] = "expired";
      else if (expires - today <= kExpiringDays) cert["state"] = "expiring";
    }
  }
  json apps = json::array();
  for (const json& a : certificate_cases_of(ref))
    apps.push_back({{"application_id", a.value("application_id", "")},
                    {"type", a.value("type", "")},
                    {"status", a.value("status", "")}});
  json answer = {{"certificate", cert}, {"applications", apps}, {"hukou_region", s.value("hukou_region", "")},
                 {"data_as_of", m_demo.value("data_as_of", "")}};
  // Where a card would be mailed: the address on file, down to the village only.
  if (const std::string address = s.value("address", ""); !address.empty())
    answer["address_masked"] = core::mask_address(address);
  return ok(200, answer);
}

// The federation's rules (残疾人证管理办法): one new-card application at a time, no new
// card within a year of cancelling one, no new card over a valid one, and new or
// reclassify only with an assessment booked or a home assessment asked for (the county
// then arranges the visit).
std::optional<GatewayResponse> LocalGateway::certificate_refusal(const json& subject, const json& body) {
  const std::string type = body.value("type", "");
  if (type == "new" && has_case_in_progress(subject.value("subject_ref", ""), type))
    return problem(409, "application_open", "这一项您已经申请过，还在办理中，不用再申请。可以在“我的残疾人证”里查看进度。",
                   "retry_later");
  const json cert = subject.value("certificate", json());
  const std::string state = cert.is_object() ? cert.value("state", "") : "";
  if (type == "new" && state == "cancelled") {
    const long cancelled = core::day_number(cert.value("cancelled_on", ""));
    const long today = core::day_number(m_demo.value("data_as_of", "").substr(0, 10));
    if (cancelled >= 0 && today - cancelled < 365)
      return problem(409, "cancelled_within_year", "注销残疾人证后一年内不能重新申请。请到县残联窗口咨询。",
                     "go_to_window");
  }
  if (type == "new" && (state == "valid" || state == "expiring"))
    return problem(409, "already_certified", "您已经有残疾人证。要换新证，请选换领；等级变了，请选类别等级变更。",
                   "retry_later");
  const auto appointment = body.find("assessment_appointment_id");
  const bool booked = appointment != body.end() && appointment->is_string() && !appointment->get<std::string>().empty();
  const auto home = body.find("home_visit_requested");
  const bool at_home = home != body.end() && home->is_boolean() && home->get<bool>();
  if ((type == "new" || type == "reclassify") && !booked && !at_home)
    return problem(422, "assessment_required", "新办和变更等级要先预约残疾评定。请先预约评定时间。", "retry_later");
  return std::nullopt;
}

// One of the same type still on its way (not turned back, refused, issued or mailed): one
// application for a new card at a time, since each brings its own assessment.
bool LocalGateway::has_case_in_progress(const std::string& subject_ref, const std::string& type) {
  const auto chain = chain_of(type);
  for (const json& a : certificate_cases_of(subject_ref)) {
    if (a.value("type", "") != type) continue;
    const std::string status = a.value("status", "");
    const bool on_chain = std::find(chain.begin(), chain.end(), status) != chain.end();
    if ((on_chain && status != "issued" && status != "mailed") || status == "appeal_city") return true;
  }
  return false;
}

// The resident's certificate cases, each as it stands now.
std::vector<json> LocalGateway::certificate_cases_of(const std::string& subject_ref) {
  std::vector<json> cases;
  auto st = m_db->prepare("SELECT data FROM cert_apps WHERE subject_ref=?");
  if (!st) return cases;
  st->bind(1, subject_ref);
  while (true) {
    auto r = st->step();
    if (!r || !r.value()) return cases;
    json a = advanced_certificate_case(json::parse(st->col_text(0), nullptr, false));
    if (a.is_object()) cases.push_back(std::move(a));
  }
}

// A case made through the gateway, moved one state along its chain per step of time.
json LocalGateway::advanced_certificate_case(json record) {
  if (record.is_discarded() || !record.contains("created_ms") || m_case_step_ms <= 0) return record;
  const auto chain = chain_of(record.value("type", ""));
  const std::int64_t created = record.value("created_ms", std::int64_t{0});
  const auto stage = static_cast<std::size_t>(std::max<std::int64_t>(0, (m_now() - created) / m_case_step_ms));
  const std::size_t last = std::min(stage, chain.size() - 1);
  json timeline = json::array();
  for (std::size_t i = 0; i <= last; ++i)
    timeline.push_back({{"status", chain[i]},
                        {"at", format_rfc3339_cst(created + static_cast<std::int64_t>(i) * m_case_step_ms)}});
  record["status"] = chain[last];
  record["timeline"] = timeline;
  return record;
}

// A case by the number the resident has: the gateway's application id or the kiosk's
// reference (client_reference); with subject_ref, among that resident's cases only, also by
// its digits alone as typed on a keypad (all of them, or the last run: "000102" for
// CA-2026-000102, "000001" for demo-01-000001).
GatewayResponse LocalGateway::certificate_case(const std::string& id, const std::string& subject_ref) {
  if (subject_ref.empty()) return application_get(Endpoint::CertificateApplicationGet, id);
  auto st = m_db->prepare(
      "SELECT c.id, IFNULL(a.client_reference, '') FROM cert_apps c LEFT JOIN applications a ON a.case_id = c.id "
      "WHERE c.subject_ref=? ORDER BY c.id");
  if (!st) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  st->bind(1, subject_ref);
  const auto digits = [](const std::string& text) {
    std::string out;
    for (char c : text)
      if (c >= '0' && c <= '9') out += c;
    return out;
  };
  const auto last_run = [](const std::string& text) {
    std::size_t start = text.size();
    while (start > 0 && text[start - 1] >= '0' && text[start - 1] <= '9') --start;
    return text.substr(start);
  };
  std::string found;
  while (found.empty()) {
    auto r = st->step();
    if (!r || !r.value()) break;
    const std::string app = st->col_text(0), client = st->col_text(1);
    for (const std::string& candidate : {app, client})
      if (!candidate.empty() && (id == candidate || id == digits(candidate) || id == last_run(candidate))) found = app;
  }
  if (found.empty())
    return problem(404, "application_unknown", "没有找到这份申请。请核对受理号，或到人工窗口查询。", "go_to_window");
  return application_get(Endpoint::CertificateApplicationGet, found);
}

GatewayResponse LocalGateway::extend_hold(const std::string& hold_id) {
  auto st = m_db->prepare("SELECT expires_ms, used, extended FROM holds WHERE hold_id=?");
  if (!st) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  st->bind(1, hold_id);
  auto r = st->step();
  if (!r || !r.value()) return problem(404, "hold_unknown", "没有找到这个预留。", "retry_later");
  if (st->col_int(1) != 0 || st->col_int(0) <= m_now())
    return problem(410, "hold_expired", "预留已过期。请重新选择时间。", "retry_later");
  if (st->col_int(2) != 0)
    return problem(409, "hold_extend_used", "预留只能延长一次。请尽快确认预约。", "retry_later");
  const std::int64_t expires = m_now() + kHoldMs;
  auto up = m_db->prepare("UPDATE holds SET expires_ms=?, extended=1 WHERE hold_id=?");
  if (!up || !up->bind(1, expires).bind(2, hold_id).run())
    return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  return ok(200, {{"hold_id", hold_id}, {"expires_at", format_rfc3339_cst(expires)}});
}

void LocalGateway::take_slot(const std::string& slot_id) {
  std::lock_guard<std::mutex> lock(m_mu);
  auto up = m_db->prepare("UPDATE slots SET status='booked' WHERE slot_id=?");
  if (up) (void)up->bind(1, slot_id).run();
}

}  // namespace kiosk::backend
