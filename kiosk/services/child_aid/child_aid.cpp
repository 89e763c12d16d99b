// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/child_aid/child_aid.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>
#include <utility>

namespace kiosk::services::child_aid {

using core::ServiceOutcome;
using Kind = core::ServiceOutcome::Kind;

namespace {

constexpr std::array<std::string_view, 8> kStates{"applied",    "county_review", "approved", "institution_chosen",
                                                  "in_service", "annual_review", "aged_out", "closed"};

bool closed_state(const std::string& s) { return s == "aged_out" || s == "closed"; }

}  // namespace

const CountyRules* Rules::find(const std::string& region) const {
  for (const CountyRules& c : counties)
    if (c.region == region) return &c;
  return nullptr;
}

const Case* ChildRecord::open_case(const std::string& programme) const {
  for (const Case& c : cases)
    if (c.programme == programme && !closed_state(c.status)) return &c;
  return nullptr;
}

bool known_case_state(const std::string& status) {
  return std::find(kStates.begin(), kStates.end(), status) != kStates.end();
}

int date_number(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return 0;
  const int n = y * 10000 + m * 100 + d;
  return valid_date(n) ? n : 0;
}

std::string iso_date(int n) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", n / 10000, n / 100 % 100, n % 100);
  return out;
}

std::optional<ChildRecord> decode_child(const core::Value& data) {
  ChildRecord child;
  if (!data.is_object() || !data["cases"].is_array()) return std::nullopt;
  child.birth = date_number(data.string_at("birth_date"));
  child.rules_region = data.string_at("rules_region");
  child.basis = data.string_at("basis");
  if (child.birth == 0 || child.rules_region.size() != 6 || (child.basis != "hukou" && child.basis != "residence_permit"))
    return std::nullopt;
  for (const core::Value& c : data["cases"].as_array()) {
    Case one{c.string_at("case_id"), c.string_at("programme"), c.string_at("status"), c.string_at("org"),
             c.string_at("next_review_due")};
    if (one.id.empty() || one.programme.empty() || !known_case_state(one.status)) return std::nullopt;
    if (!one.next_review_due.empty() && date_number(one.next_review_due) == 0) return std::nullopt;
    child.cases.push_back(std::move(one));
  }
  return child;
}

std::optional<std::vector<Institution>> decode_institutions(const core::Value& data) {
  if (!data.is_object() || !data["facilities"].is_array()) return std::nullopt;
  std::vector<Institution> out;
  for (const core::Value& f : data["facilities"].as_array()) {
    Institution i{f.string_at("org_id"), f.string_at("name"), f.string_at("region"), f.string_at("address")};
    if (i.org_id.empty() || i.name.empty()) return std::nullopt;
    out.push_back(std::move(i));
  }
  return out;
}

void ChildAidService::reset() {
  m_step = Step::Status;
  m_state = State::Loading;
  m_asked = Asked::None;
  m_child = {};
  m_data_as_of.clear();
  m_failure = {};
  m_window.clear();
  m_institutions.clear();
  m_org.clear();
  m_reference.clear();
}

const WindowRule* ChildAidService::window_rule(const std::string& id) const {
  const CountyRules* county = m_rules.find(m_child.rules_region);
  if (!county) return nullptr;
  for (const WindowRule& w : county->windows)
    if (w.window.id == id) return &w;
  return nullptr;
}

ServiceOutcome ChildAidService::on_open(const core::ServiceContext& context) { return ask_record(context); }

ServiceOutcome ChildAidService::ask_record(const core::ServiceContext& context) {
  m_state = State::Loading;
  if (!context.visit.for_someone_else()) {   // the guardian applies, for the child
    m_state = State::Failed;
    m_failure = core::Message::of("child_aid.guardian_needed");
    return ServiceOutcome::of(Kind::Rebuild, "child_aid.failed");
  }
  core::RequestSpec spec = core::RequestSpec::live("child_rehab_aid");
  spec.path["ref"] = context.visit.resident_ref();   // the child's opaque reference
  m_asked = Asked::Record;
  return ServiceOutcome::asking(std::move(spec));
}

ServiceOutcome ChildAidService::ask_institutions() {
  core::RequestSpec spec = core::RequestSpec::live("facilities");
  spec.query.emplace_back("service_code", "child_rehab_" + m_window);
  m_asked = Asked::Institutions;
  m_state = State::Loading;
  m_institutions.clear();
  m_step = Step::Institution;
  return ServiceOutcome::asking(std::move(spec), Kind::NewScreen, "child_aid_institution.loading");
}

ServiceOutcome ChildAidService::submit(const core::ServiceContext& context) {
  if (m_asked == Asked::Application) return {};
  core::Value body;
  body.set("subject_ref", context.visit.resident_ref())
      .set("programme", m_window)
      .set("org_id", m_org)
      .set("applicant_role", "guardian")
      .set("rules_region", m_child.rules_region)
      .set("residence_basis", m_child.basis);
  core::RequestSpec spec = core::RequestSpec::application("child_rehab_aid_application", std::move(body));
  m_asked = Asked::Application;
  return ServiceOutcome::asking(std::move(spec));
}

ServiceOutcome ChildAidService::failed(const core::ReplyError& error, const std::string& focus) {
  const core::Alert alert = core::failure_alert(error);
  m_state = State::Failed;
  m_failure = alert.text;
  ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild, focus);
  outcome.alert = alert;
  return outcome;
}

ServiceOutcome ChildAidService::on_reply(const core::Reply& reply, const core::ServiceContext& context) {
  (void)context;
  const Asked asked = std::exchange(m_asked, Asked::None);
  const core::ReplyError unreadable{"bad_response", {}, {}, "go_to_window", {}};
  if (asked == Asked::None) return {};   // asked for before the resident moved on
  if (asked == Asked::Application) {
    if (!reply.ok) {
      ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild, "child_aid_summary.confirm");
      outcome.alert = core::failure_alert(reply.error);
      return outcome;
    }
    m_reference = reply.reference;
    m_step = Step::Receipt;
    return ServiceOutcome::of(Kind::NewScreen, "child_aid_receipt.reference");
  }
  if (asked == Asked::Institutions) {
    auto list = reply.ok ? decode_institutions(reply.data) : std::nullopt;
    if (!list) return failed(reply.ok ? unreadable : reply.error, "child_aid_institution.retry");
    m_state = State::Shown;
    m_institutions.clear();
    for (Institution& i : *list)   // the designated institutions of the county whose rules apply
      if (i.region == m_child.rules_region) m_institutions.push_back(std::move(i));
    return ServiceOutcome::of(Kind::Rebuild, m_institutions.empty() ? "child_aid_institution.none"
                                                                    : "child_aid_institution." + m_institutions.front().org_id);
  }
  auto child = reply.ok ? decode_child(reply.data) : std::nullopt;
  if (!child) return failed(reply.ok ? unreadable : reply.error, "child_aid.retry");
  m_state = State::Shown;
  m_child = std::move(*child);
  m_data_as_of = reply.data_as_of;
  return ServiceOutcome::of(Kind::Rebuild, "child_aid.data_as_of");
}

ServiceOutcome ChildAidService::activate(const std::string& node_id, const core::ServiceContext& context) {
  if (node_id == "child_aid.home" || node_id == "child_aid_receipt.home") return ServiceOutcome::of(Kind::Leave);
  if (node_id == "child_aid.retry") {
    ServiceOutcome outcome = ask_record(context);
    outcome.kind = Kind::Rebuild;
    return outcome;
  }
  if (node_id == "child_aid.speaker") {
    ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild, "child_aid.data_as_of");
    outcome.speaker_consent = true;
    return outcome;
  }
  constexpr std::string_view kApply = "child_aid.apply.";
  if (m_step == Step::Status && node_id.starts_with(kApply)) {
    m_window = node_id.substr(kApply.size());
    if (!window_rule(m_window)) return {};
    return ask_institutions();
  }
  if (node_id == "child_aid_institution.retry") {
    ServiceOutcome outcome = ask_institutions();
    outcome.kind = Kind::Rebuild;
    return outcome;
  }
  constexpr std::string_view kInstitution = "child_aid_institution.";
  if (m_step == Step::Institution && node_id.starts_with(kInstitution)) {
    const std::string org = node_id.substr(kInstitution.size());
    if (org == "back") return back();
    if (std::none_of(m_institutions.begin(), m_institutions.end(), [&](const Institution& i) { return i.org_id == org; }))
      return {};
    m_org = org;
    m_step = Step::Summary;
    return ServiceOutcome::of(Kind::NewScreen, "child_aid_summary.what");
  }
  if (node_id == "child_aid_summary.confirm") return submit(context);
  if (node_id == "child_aid_summary.change") return back();
  if (node_id == "child_aid_receipt.status") {
    m_step = Step::Status;
    ServiceOutcome outcome = ask_record(context);
    outcome.kind = Kind::NewScreen;
    if (outcome.focus.empty()) outcome.focus = "child_aid.loading";
    return outcome;
  }
  return {};
}

ServiceOutcome ChildAidService::back() {
  switch (m_step) {
    case Step::Status: return ServiceOutcome::of(Kind::Leave);
    case Step::Institution:
      m_step = Step::Status;
      m_state = State::Shown;
      m_asked = Asked::None;   // a late list is dropped
      return ServiceOutcome::of(Kind::NewScreen, "child_aid.apply." + m_window);
    case Step::Summary:
      if (m_asked == Asked::Application) return {};
      m_step = Step::Institution;
      m_state = State::Shown;
      return ServiceOutcome::of(Kind::NewScreen, "child_aid_institution." + m_org);
    case Step::Receipt: return ServiceOutcome::of(Kind::Leave);
  }
  return ServiceOutcome::of(Kind::Leave);
}

}  // namespace kiosk::services::child_aid
