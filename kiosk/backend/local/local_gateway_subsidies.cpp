// SPDX-License-Identifier: GPL-3.0-or-later
// The two subsidies (两项补贴) as the demo gateway answers them: both programmes always,
// each in one of the states of docs/domain.md (not_applied ... rejected), with why a case
// stopped, where a case in review stands in the chain township -> county DPF -> civil
// affairs and how long it typically still takes, and whether the resident may apply and
// why (the gateway decides; the kiosk shows its reasons). Called with m_mu held.
#include <array>
#include <set>

#include "kiosk/backend/local/local_gateway.h"

namespace kiosk::backend {
namespace {

using json = nlohmann::json;

// The review chain, in order, with the typical working days each stage takes.
struct Stage { const char* status; int typical_days; };
constexpr std::array<Stage, 6> kChain{{{"submitted", 3},
                                       {"township_review", 10},
                                       {"county_dpf_review", 10},
                                       {"civil_affairs_decision", 15},
                                       {"public_notice", 7},
                                       {"approved", 0}}};

// Counties whose plans widen the programmes (docs/domain.md, the two subsidies).
const std::set<std::string> kWideningCounties{"150304", "640324"};
// A case in one of these states is open: the resident cannot apply again.
const std::set<std::string> kOpenStates{"submitted",      "township_review", "county_dpf_review",
                                        "civil_affairs_decision", "public_notice", "approved",
                                        "active",         "suspended"};
// After these stop reasons a new application may be made (the others need the counter).
const std::set<std::string> kReapplyAfter{"voluntary", "review_failed", "cert_expired"};

json reason(const char* code, const char* text) { return {{"code", code}, {"text", text}}; }

json review_chain(const std::string& status) {
  for (std::size_t i = 0; i + 1 < kChain.size(); ++i) {
    if (status != kChain[i].status) continue;
    int days = 0;
    for (std::size_t k = i; k + 1 < kChain.size(); ++k) days += kChain[k].typical_days;
    json stages = json::array();
    for (const char* s : {"township_review", "county_dpf_review", "civil_affairs_decision"}) stages.push_back(s);
    return {{"stage", status}, {"stages", stages}, {"typical_working_days_left", days}};
  }
  return nullptr;
}

json review_brings(const std::string& programme) {
  json items = json::array({"残疾人证", "身份证", "户口簿"});
  if (programme == "living_allowance") items.push_back("低保证");
  return items;
}

}  // namespace

void LocalGateway::set_case_step_ms(std::int64_t step_ms) {
  std::lock_guard<std::mutex> lock(m_mu);
  m_case_step_ms = step_ms;
}

LocalGateway::Eligibility LocalGateway::may_apply(const json& subject, const std::string& programme) {
  Eligibility e;
  const json cert = subject.value("certificate", json());
  const bool cert_valid = cert.is_object() && (cert.value("state", "") == "valid" || cert.value("state", "") == "expiring");
  const bool widened = kWideningCounties.count(subject.value("hukou_region", "")) > 0;
  if (!cert_valid) {
    e.reasons.push_back(reason("no_valid_certificate", "需要有效的残疾人证。请先办理或换领残疾人证。"));
    return e;
  }
  if (programme == "living_allowance") {
    if (subject.value("dibao", false)) {
      e.may = true;
      e.reasons.push_back(reason("dibao_household", "您家享受最低生活保障，可以申请生活补贴。"));
    } else if (widened && subject.value("dibao_marginal", false)) {
      e.may = true;
      e.reasons.push_back(reason("dibao_marginal_widened", "本县把低保边缘家庭也纳入了生活补贴。"));
    } else {
      e.reasons.push_back(reason("not_dibao", "生活补贴发给低保家庭的残疾人。您家不在低保范围内。"));
    }
    return e;
  }
  const int grade = cert.value("grade", 0), category = cert.value("category", 0);
  if (grade == 1 || grade == 2) {
    e.may = true;
    e.reasons.push_back(reason("grade_1_2", "一级、二级残疾人可以申请护理补贴。"));
  } else if (widened && (grade == 3 || grade == 4) && (category == 5 || category == 6)) {
    e.may = true;
    e.reasons.push_back(reason("grade_3_4_widened", "本县把三、四级智力和精神残疾人也纳入了护理补贴。"));
  } else {
    e.reasons.push_back(reason("grade_not_eligible", "护理补贴发给一级、二级残疾人。您的等级不在范围内。"));
  }
  return e;
}

// The recorded case for a programme, or the newest application made through the gateway
// (advanced along the chain by time), or not_applied.
json LocalGateway::subsidy_case(const json& subject, const std::string& programme) {
  json out{{"programme", programme}, {"status", "not_applied"}, {"monthly_amount_fen", 0},
           {"payments", json::array()}, {"next_review_due", nullptr}, {"stop_reason", nullptr}};
  for (const auto& c : subject.value("subsidies", json::array()))
    if (c.value("programme", "") == programme) out = c;
  for (const auto& a : applications_of("subsidy_application", subject.value("subject_ref", ""))) {
    if (a.data.value("programme", "") != programme) continue;
    std::size_t stage = 0;
    if (m_case_step_ms > 0)
      stage = static_cast<std::size_t>((m_now() - a.data.value("created_ms", m_now())) / m_case_step_ms);
    out = json{{"programme", programme}, {"status", kChain[std::min(stage, kChain.size() - 1)].status},
               {"case_id", a.case_id}, {"routed_to", a.data.value("routed_to", "")},
               {"client_reference", a.client_reference},
               {"monthly_amount_fen", 0}, {"payments", json::array()},
               {"next_review_due", nullptr}, {"stop_reason", nullptr}};
  }
  const std::string status = out.value("status", "");
  if (auto chain = review_chain(status); !chain.is_null()) out["review_chain"] = chain;
  if (status == "active" || status == "approved") out["review_brings"] = review_brings(programme);
  if (!out.contains("paying_office") || out["paying_office"].is_null())
    out["paying_office"] = m_demo.value("paying_offices", json::object()).value(subject.value("hukou_region", ""), "");
  const bool stopped_for_good = status == "stopped" && !kReapplyAfter.count(out.value("stop_reason", ""));
  const bool closed = !kOpenStates.count(status) && !stopped_for_good;
  Eligibility e = closed ? may_apply(subject, programme) : Eligibility{};
  if (status == "suspended")
    e.reasons.push_back(reason("case_suspended", "这项补贴暂停发放。办好停发原因里说的事，就会恢复，不用重新申请。"));
  else if (stopped_for_good)
    e.reasons.push_back(reason("stopped_needs_counter", "这项补贴已经停发。要重新申请，请带上证件到人工窗口办理。"));
  else if (!closed)
    e.reasons.push_back(reason("case_open", "这项补贴已经在办理或发放中，不用重复申请。"));
  out["may_apply"] = e.may;
  out["apply_reasons"] = e.reasons;
  return out;
}

GatewayResponse LocalGateway::subsidies(const std::string& ref) {
  const json s = subject(ref);
  if (s.is_null() || s.is_discarded() || !s.contains("subsidies"))
    return problem(404, "subject_unknown", "没有找到相关记录。请到人工窗口办理。", "go_to_window");
  json cases = json::array();
  for (const char* programme : {"living_allowance", "care_allowance"}) cases.push_back(subsidy_case(s, programme));
  // What an application needs to know about the resident: where the hukou county is (it
  // decides), the bank account on file (masked) and whether a text message can reach them.
  json applicant{{"hukou_region", s.value("hukou_region", "")},
                 {"bank_account", s.value("bank_account", json())},
                 {"sms_on_file", !s.value("phone", "").empty()}};
  return ok(200, {{"entitlements", cases}, {"applicant", applicant}, {"data_as_of", m_demo.value("data_as_of", "")}});
}

}  // namespace kiosk::backend
