// SPDX-License-Identifier: GPL-3.0-or-later
// Assistive devices (辅助器具适配) and children's rehabilitation aid (残疾儿童康复救助) as
// the demo gateway answers them (docs/domain.md 3.3). The gateway decides: whether a device
// may be applied for again (not within its service life: the date it becomes possible),
// and which county's rules apply to a child (hukou or residence permit). The demo gateway's
// "today" is the date of its data (`data_as_of`), so the demo answers never drift.
// Called with m_mu held.
#include <cstdio>
#include <set>

#include "kiosk/backend/local/local_gateway.h"

namespace kiosk::backend {
namespace {

using json = nlohmann::json;

const std::set<std::string> kRequestTypes{"new", "repair", "rental"};
const std::set<std::string> kChildPrograms{"rescue", "community", "home"};

std::string text(const json& b, const char* k) {
  auto it = b.find(k);
  return it != b.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// "2022-02-15" plus whole years; 29 February moves to 1 March in a year without it.
std::string plus_years(const std::string& iso, int years) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return {};
  y += years;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) m = 3, d = 1;
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
  return out;
}

std::string date_words(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return iso;
  return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
}

// The catalogue entry for a device code, or null.
json catalogue_entry(const json& demo, const std::string& code) {
  for (const auto& d : demo.value("assistive_devices", json::array()))
    if (d.value("code", "") == code) return d;
  return nullptr;
}

// The rehabilitation-aid block's record of a person (devices or child_aid), by resident key.
json rehab_record(const json& demo, const char* part, const json& subject) {
  const json block = demo.value("rehab_aid", json::object()).value(part, json::object());
  return block.value(subject.value("key", std::string{}), json::object());
}

}  // namespace

Status LocalGateway::load_rehab_aid() {
  const json block = m_demo.value("rehab_aid", json::object());
  for (const char* part : {"children", "guardians"})
    for (const auto& p : block.value(part, json::array())) {
      auto st = m_db->prepare("INSERT INTO subjects VALUES(?,?,?,?)");
      if (!st) return st.error();
      st->bind(1, p.at("subject_ref").get<std::string>())
          .bind(2, p.at("id_number").get<std::string>())
          .bind(3, std::string(part[0] == 'c' ? "resident" : "agent"))
          .bind(4, p.dump());
      if (auto s = st->run(); !s) return s;
    }
  // The designated institutions join the facilities (after the others: slot ids stay as they were).
  for (const auto& f : block.value("facilities", json::array())) m_demo["facilities"].push_back(f);
  return Unit{};
}

// Whether a new device of this code may be applied for today, and if not, from when.
json LocalGateway::device_eligibility(const json& s, const std::string& code) {
  const std::string today = m_demo.value("data_as_of", "").substr(0, 10);
  const json entry = catalogue_entry(m_demo, code);
  json out{{"code", code}, {"may_apply", true}};
  if (entry.is_null()) return out;
  for (const auto& held : rehab_record(m_demo, "devices", s).value("held", json::array())) {
    if (held.value("code", "") != code) continue;
    const std::string from = plus_years(held.value("since", ""), entry.value("life_years", 0));
    if (!from.empty() && from > today) {
      out["may_apply"] = false;
      out["not_before"] = from;
      out["reason"] = "within_service_life";
      out["message"] = "您的" + entry.value("name", std::string{}) + "还在使用年限内，" + date_words(from) +
                       "以后才能再申请新的。坏了可以申请维修。";
    }
  }
  return out;
}

GatewayResponse LocalGateway::assistive_devices(const std::string& ref) {
  json out{{"devices", m_demo.at("assistive_devices")}, {"data_as_of", m_demo.value("data_as_of", "")}};
  if (ref.empty()) return ok(200, std::move(out));
  const json s = subject(ref);
  if (s.is_null() || s.is_discarded())
    return problem(404, "subject_unknown", "没有找到相关记录。请到人工窗口办理。", "go_to_window");
  const json record = rehab_record(m_demo, "devices", s);
  json held = json::array();
  for (json h : record.value("held", json::array())) {
    const json entry = catalogue_entry(m_demo, h.value("code", ""));
    if (!entry.is_null()) h["replace_from"] = plus_years(h.value("since", ""), entry.value("life_years", 0));
    held.push_back(std::move(h));
  }
  json applications = record.value("applications", json::array());
  for (const auto& a : applications_of("assistive_device_application", ref))
    applications.push_back({{"application_id", a.case_id}, {"code", a.data.value("device_code", "")},
                            {"request_type", a.data.value("request_type", "")}, {"status", a.status},
                            {"updated_on", a.data.value("updated_on", "")}});
  json eligibility = json::array();
  for (const auto& d : m_demo.at("assistive_devices")) eligibility.push_back(device_eligibility(s, d.value("code", "")));
  out["held"] = held;
  out["applications"] = applications;
  out["eligibility"] = eligibility;
  return ok(200, std::move(out));
}

std::optional<GatewayResponse> LocalGateway::rehab_aid_refusal(Endpoint e, const json& s, const json& b) {
  auto bad = [&](const std::string& field) {
    return problem(422, "invalid_" + field, "申请内容不完整。请到人工窗口办理。", "go_to_window");
  };
  if (e == Endpoint::ChildAidApplication) {
    if (!kChildPrograms.count(text(b, "programme"))) return bad("programme");
    if (text(b, "org_id").empty()) return bad("org_id");
    if (text(b, "applicant_role") != "guardian") return bad("applicant_role");
    return std::nullopt;
  }
  const std::string code = text(b, "device_code"), type = text(b, "request_type");
  if (catalogue_entry(m_demo, code).is_null()) return bad("device_code");
  if (!kRequestTypes.count(type)) return bad("request_type");
  if (type == "new") {
    const json verdict = device_eligibility(s, code);
    if (!verdict.value("may_apply", true)) {
      GatewayResponse refused = problem(409, "within_service_life", verdict.value("message", ""), "go_to_window");
      refused.body["not_before"] = verdict.value("not_before", "");
      return refused;
    }
  }
  if (type == "repair") {
    bool holds = false;
    for (const auto& h : rehab_record(m_demo, "devices", s).value("held", json::array()))
      holds = holds || h.value("code", "") == code;
    if (!holds) return problem(409, "device_not_held", "没有找到您领用这件辅具的记录，不能申请维修。请到人工窗口咨询。", "go_to_window");
  }
  return std::nullopt;
}

GatewayResponse LocalGateway::child_aid(const std::string& ref) {
  const json s = subject(ref);
  if (s.is_null() || s.is_discarded())
    return problem(404, "subject_unknown", "没有找到相关记录。请到人工窗口办理。", "go_to_window");
  const json aid = rehab_record(m_demo, "child_aid", s);
  // The county whose rules apply: the backend names it (hukou, or the residence permit's).
  json out{{"birth_date", s.value("birth_date", "")},
           {"rules_region", aid.value("rules_region", s.value("hukou_region", ""))},
           {"basis", aid.value("basis", "hukou")},
           {"cases", aid.value("cases", json::array())},
           {"data_as_of", m_demo.value("data_as_of", "")}};
  for (const auto& a : applications_of("child_rehab_aid_application", ref))
    out["cases"].push_back({{"case_id", a.case_id}, {"status", a.status}, {"programme", a.data.value("programme", "")},
                            {"org_id", a.data.value("org_id", "")}});
  return ok(200, std::move(out));
}

}  // namespace kiosk::backend
