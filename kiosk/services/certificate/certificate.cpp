// SPDX-License-Identifier: GPL-3.0-or-later
// The certificate service's steps and round trips; its screens are in certificate_screens.cpp.
#include "kiosk/services/certificate/certificate.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "kiosk/services/certificate/certificate_rules.h"
#include "kiosk/services/identity/outcomes.h"

namespace kiosk::services::certificate {

using core::Message;
using core::ServiceOutcome;
using identity::field_error;
using identity::with_alert;
using Kind = core::ServiceOutcome::Kind;

namespace {

const std::string& kApply = kApplyPrefix;
const std::string kCase = "certificate.case.";

}  // namespace

std::string region_name(const std::string& code, const std::string& language) {
  const bool en = language == "en";
  if (code == "141081") return en ? "Houma" : "山西省侯马市";
  if (code == "150304") return en ? "Wuda District, Wuhai" : "内蒙古乌海市乌达区";
  if (code == "370303") return en ? "Zhangdian District, Zibo" : "山东省淄博市张店区";
  if (code == "640324") return en ? "Tongxin County" : "宁夏吴忠市同心县";
  return (en ? "region code " : "地区代码 ") + code;
}

void CertificateService::reset() {
  m_step = Step::Status;
  m_waiting = Waiting::None;
  m_status = Load::Loading;
  m_answer = {};
  m_data_as_of.clear();
  m_failure = {};
  m_apply = {};
  m_reference.clear();
  m_refusal.clear();
  m_refusal_text.clear();
  m_case_number.clear();
  m_case_load = Load::Loading;
  m_case_asked = false;
  m_case = {};
  m_case_failure = {};
  m_visit_name.clear();
  m_flow.reset();
  m_assessment = {};
}

ServiceOutcome CertificateService::go(Step step, std::string focus) {
  m_step = step;
  return ServiceOutcome::of(Kind::NewScreen, std::move(focus));
}

ServiceOutcome CertificateService::on_open(const core::ServiceContext& context) {
  m_visit_name = context.visit.for_someone_else() ? context.visit.masked_name : "";
  core::RequestSpec spec = core::RequestSpec::live("certificate_status");
  spec.path["ref"] = context.visit.resident_ref();   // an opaque reference, never an ID number
  m_status = Load::Loading;
  m_waiting = Waiting::Status;
  return ServiceOutcome::asking(std::move(spec));
}

// The date the card's state is told for: the answer's own date (the screen says "信息截至"
// it), else the hall's.
std::string CertificateService::as_of(const core::ServiceContext& context) const {
  if (day_number(m_data_as_of) >= 0) return m_data_as_of.substr(0, 10);
  return iso_of(context.today);
}

long CertificateService::category() const { return m_answer["certificate"]["category"].as_int(); }

std::string CertificateService::card_state(const core::ServiceContext& context) const {
  const core::Value& card = m_answer["certificate"];
  return shown_state(card.is_object(), card.string_at("state"), card.string_at("expires_on"), as_of(context),
                     m_config.warning_days);
}

// The checklist for this application: the transaction's items, the card's category's, and
// the guardian's papers when a guardian applies.
std::vector<const Document*> CertificateService::checklist() const {
  std::vector<const Document*> out;
  const std::string card_category = category_id(category());
  for (const Document& doc : m_config.documents) {
    const auto has = [](const std::vector<std::string>& list, const std::string& value) {
      return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
    };
    if (!has(doc.transactions, m_apply.type)) continue;
    // A new applicant's category is not known yet: its category papers are read out too.
    if (!card_category.empty() && !has(doc.categories, card_category)) continue;
    if (doc.guardian_only && m_apply.role != "guardian") continue;
    if (!doc.basis.empty() && doc.basis != m_apply.basis) continue;
    out.push_back(&doc);
  }
  return out;
}

// Data leave the federation's county office: to the hukou county (cross-province, or a
// transfer), or medical records to the assessment institution.
bool CertificateService::shares_data() const {
  return m_apply.basis == "residence_permit" || m_apply.type == "transfer" || needs_assessment(m_apply.type);
}

ServiceOutcome CertificateService::begin(const std::string& type, const core::ServiceContext& context) {
  const core::Value& card = m_answer["certificate"];
  std::vector<CaseOnFile> cases;
  for (const core::Value& app : m_answer["applications"].as_array())
    cases.push_back({app.string_at("type"), app.string_at("status")});
  const std::string refusal = refusal_before_sending(type, card_state(context), card.string_at("cancelled_on"),
                                                     as_of(context), cases);
  m_apply = {};
  m_assessment = {};
  m_apply.type = type;
  m_apply.role = applicant_role(context.visit.relationship);
  if (!refusal.empty()) return refuse(refusal, context.settings.language);
  return next_open_step();
}

ServiceOutcome CertificateService::refuse(std::string code, const std::string& language) {
  m_refusal = std::move(code);
  ServiceOutcome outcome = go(Step::Refused, "certificate_apply_refused.why");
  return with_alert(std::move(outcome), m_refusal, refusal_text(language));
}

// The first step not answered yet, else the summary: the flow's order, and the way back
// to the summary after one answer was changed from it.
ServiceOutcome CertificateService::next_open_step() {
  if (m_apply.basis.empty()) return go(Step::Basis, "certificate_apply_basis.who");
  if (needs_assessment(m_apply.type) && !m_apply.assessment_chosen)
    return go(Step::Assessment, "certificate_apply_assessment.about");
  if (!m_apply.documents_read) {
    m_apply.document = 0;
    return go(Step::Documents, "certificate_apply_documents.item");
  }
  if (!m_apply.options_done) return go(Step::Options, "certificate_apply_options.pickup");
  if (shares_data() && !m_apply.consent) return go(Step::Consent, "certificate_apply_consent.what");
  return go(Step::Summary, "certificate_apply_summary.submit");
}

ServiceOutcome CertificateService::activate(const std::string& node_id, const core::ServiceContext& context) {
  if (m_flow.active()) return from_flow(m_flow.activate(node_id, context));
  if (node_id == "certificate.home" || node_id.ends_with(".home")) return ServiceOutcome::of(Kind::Leave);
  if (node_id == "certificate.retry") return on_open(context);
  if (node_id == "certificate.speaker" || node_id == "certificate_case.speaker") {
    ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild, node_id == "certificate.speaker" ? "certificate.state" : "certificate_case.now");
    outcome.speaker_consent = true;
    return outcome;
  }
  if (node_id.rfind(kApply, 0) == 0) return begin(node_id.substr(kApply.size()), context);
  if (node_id.rfind(kCase, 0) == 0) {
    m_case_number.clear();   // a case chosen from the list, not typed
    return look_up_case(node_id.substr(kCase.size()), context);
  }
  if (node_id == "certificate.find_case" || node_id == "certificate_apply_receipt.follow" ||
      node_id == "certificate_case.other") {
    m_case_asked = false;
    m_case = {};
    m_case_number.clear();
    // From the receipt the number is typed in already: select looks it up.
    if (node_id == "certificate_apply_receipt.follow")
      for (char c : reference_digits(m_reference)) m_case_number.apply({core::FieldKey::Char, c, 0});
    return go(Step::Case, "certificate_case.number");
  }
  if (node_id == "certificate_case.number" || node_id == "certificate_case.submit") {
    if (!plausible_reference(m_case_number.value()))
      return field_error("certificate_case.number", "reference_format", Message::of("certificate.error.reference"));
    return look_up_case(m_case_number.value(), context);
  }
  if (node_id == "certificate_case.back" || node_id == "certificate_apply_refused.back") return go(Step::Status, "certificate.state");
  return activate_apply(node_id, context);
}

ServiceOutcome CertificateService::activate_apply(const std::string& node_id, const core::ServiceContext& context) {
  if (node_id == "certificate_apply_basis.hukou" || node_id == "certificate_apply_basis.residence_permit") {
    const std::string basis = node_id.substr(node_id.find('.') + 1);
    if (!m_apply.basis.empty() && basis != m_apply.basis)
      m_apply.consent = m_apply.documents_read = false;   // a new basis: its own papers and consent
    m_apply.basis = basis;
    return next_open_step();
  }
  if (node_id == "certificate_apply_assessment.home_visit") {
    m_apply.home_visit = m_apply.assessment_chosen = true;
    m_assessment = {};
    return next_open_step();
  }
  if (node_id == "certificate_apply_assessment.book") return book_assessment(category(), context);
  if (const std::string book = "certificate_apply_assessment.book."; node_id.rfind(book, 0) == 0)
    return book_assessment(std::strtol(node_id.c_str() + book.size(), nullptr, 10), context);
  if (node_id == "certificate_apply_assessment.window") return refuse("assessment_at_window", context.settings.language);
  if (node_id == "certificate_apply_documents.previous") {
    if (m_apply.document > 0) --m_apply.document;
    return ServiceOutcome::of(Kind::Rebuild, "certificate_apply_documents.item");
  }
  if (node_id == "certificate_apply_documents.next") {
    if (m_apply.document + 1 < checklist().size()) {
      ++m_apply.document;
      return ServiceOutcome::of(Kind::Rebuild, "certificate_apply_documents.item");
    }
    m_apply.documents_read = true;
    return next_open_step();
  }
  if (node_id == "certificate_apply_options.home_visit") {
    m_apply.home_visit = !m_apply.home_visit;
    if (needs_assessment(m_apply.type) && !m_apply.home_visit) m_apply.assessment_chosen = false;
    return ServiceOutcome::of(Kind::Rebuild, node_id);
  }
  if (node_id == "certificate_apply_options.fee_waiver") {
    m_apply.fee_waiver = !m_apply.fee_waiver;
    return ServiceOutcome::of(Kind::Rebuild, node_id);
  }
  if (node_id == "certificate_apply_options.pickup" || node_id == "certificate_apply_options.mail") {
    m_apply.mail = node_id.ends_with(".mail");
    return ServiceOutcome::of(Kind::Rebuild, "certificate_apply_options.next");
  }
  if (node_id == "certificate_apply_options.next") {
    m_apply.options_done = true;
    return next_open_step();
  }
  if (node_id == "certificate_apply_consent.agree" && !context.visit.consent_needs_guardian()) {
    m_apply.consent = true;
    return next_open_step();
  }
  if (node_id == "certificate_apply_consent.decline") return refuse("consent_declined", context.settings.language);
  return activate_summary(node_id, context);
}

}  // namespace kiosk::services::certificate

namespace kiosk::services::certificate {

// The assessment's time through the slot flow: the institutions designated for the category.
ServiceOutcome CertificateService::book_assessment(long category, const core::ServiceContext& context) {
  if (category_id(category).empty()) return {};
  booking::BookingRequest want;
  want.service_code = "disability_assessment_" + std::to_string(category);
  want.service_name = Message::of("certificate.assessment_name");   // discreet: no category said
  want.region = m_config.region_code;   // the province's designated institutions, the nearest first
  return from_flow(m_flow.begin(want, context));
}

// The flow hands back with Leave: booked, the application goes on; left, the assessment
// step again (the outcome's alert, if any, still reaches the resident).
ServiceOutcome CertificateService::from_flow(ServiceOutcome outcome) {
  if (outcome.kind != Kind::Leave || m_flow.active()) return outcome;
  ServiceOutcome next;
  if (m_flow.result() == booking::FlowResult::Booked) {
    m_assessment = m_flow.booked();
    m_apply.assessment_chosen = true;
    m_apply.home_visit = false;
    next = next_open_step();
  } else {
    next = go(Step::Assessment, "certificate_apply_assessment.about");
  }
  if (outcome.alert) next.alert = outcome.alert;
  if (outcome.request) next.request = outcome.request;
  return next;
}

ServiceOutcome CertificateService::on_input(const core::ServiceContext& context) {
  return m_flow.active() ? m_flow.on_input(context) : ServiceOutcome{};
}

ServiceOutcome CertificateService::tick(const core::ServiceContext& context) {
  return m_flow.active() ? from_flow(m_flow.tick(context)) : ServiceOutcome{};
}

}  // namespace kiosk::services::certificate
