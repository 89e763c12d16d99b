// SPDX-License-Identifier: GPL-3.0-or-later
// The certificate service's summary, submission, case look-up and the gateway's answers.
#include <utility>

#include "kiosk/services/certificate/certificate.h"
#include "kiosk/services/certificate/certificate_rules.h"
#include "kiosk/services/identity/outcomes.h"

namespace kiosk::services::certificate {

using core::Message;
using core::ServiceOutcome;
using identity::field_error;
using identity::with_alert;
using Kind = core::ServiceOutcome::Kind;

namespace {

core::Alert unreadable() { return core::Alert{"bad_response", Message::of("alert.request_failed"), core::Privacy::Public}; }

// The version of the consent text shown on certificate_apply_consent.
constexpr const char* kConsentVersion = "2026-01";

}  // namespace

ServiceOutcome CertificateService::activate_summary(const std::string& node_id, const core::ServiceContext& context) {
  // Each answer on the summary opens its step again; answering it comes back here.
  if (node_id == "certificate_apply_summary.type") return go(Step::Status, kApplyPrefix + m_apply.type);
  if (node_id == "certificate_apply_summary.basis") return go(Step::Basis, "certificate_apply_basis." + m_apply.basis);
  if (node_id == "certificate_apply_summary.assessment") {
    m_apply.assessment_chosen = false;
    return go(Step::Assessment, "certificate_apply_assessment.about");
  }
  if (node_id == "certificate_apply_summary.documents") {
    m_apply.documents_read = false;
    return next_open_step();
  }
  if (node_id == "certificate_apply_summary.options") {
    m_apply.options_done = false;
    return go(Step::Options, "certificate_apply_options.pickup");
  }
  if (node_id == "certificate_apply_summary.consent") {
    m_apply.consent = false;
    return go(Step::Consent, "certificate_apply_consent.what");
  }
  if (node_id == "certificate_apply_summary.submit") return submit(context);
  return {};
}

ServiceOutcome CertificateService::submit(const core::ServiceContext& context) {
  core::RequestSpec spec;
  spec.endpoint = "certificate_application";
  spec.kind = core::RequestKind::Application;
  core::Value& body = spec.body;
  body.set("type", m_apply.type);
  body.set("subject_ref", context.visit.resident_ref());
  body.set("applicant_role", m_apply.role);
  body.set("residence_basis", m_apply.basis);
  core::Value attachments = core::Value::Array{};
  for (const Document* doc : checklist()) attachments.push(core::Value(core::Value::Object{{"kind", core::Value(doc->id)}}));
  body.set("attachments", std::move(attachments));
  body.set("home_visit_requested", m_apply.home_visit);
  body.set("fee_waiver_requested", m_apply.fee_waiver);
  body.set("delivery", m_apply.mail ? "mail" : "pickup");
  if (!m_assessment.appointment_id.empty()) body.set("assessment_appointment_id", m_assessment.appointment_id);
  core::Value consents = core::Value::Array{};
  for (const core::Consent& given : context.visit.consents) consents.push(core::Value(given.id));
  if (m_apply.consent) consents.push(core::Value("certificate_data_sharing@" + std::string(kConsentVersion)));
  body.set("consents", std::move(consents));
  m_waiting = Waiting::Submit;
  return ServiceOutcome::asking(std::move(spec));
}

ServiceOutcome CertificateService::look_up_case(const std::string& id, const core::ServiceContext& context) {
  core::RequestSpec spec;
  spec.endpoint = "certificate_application_get";
  spec.kind = core::RequestKind::Live;
  spec.path["id"] = id;   // the gateway's application number or the receipt's, never personal
  spec.query.emplace_back("subject_ref", context.visit.resident_ref());
  m_case_asked = true;
  m_case_load = Load::Loading;
  m_case = {};
  m_waiting = Waiting::Case;
  m_step = Step::Case;
  return ServiceOutcome::asking(std::move(spec), Kind::NewScreen, "certificate_case.loading");
}

ServiceOutcome CertificateService::edit(const std::string& node_id, const core::FieldInput& input,
                                        const core::ServiceContext& context) {
  (void)context;
  if (node_id != "certificate_case.number") return {};
  switch (m_case_number.apply(input)) {
    case core::FieldEditResult::Full: return with_alert({}, "field_full", Message::of("certificate.error.field_full"));
    case core::FieldEditResult::Rejected:
      return field_error(node_id, "field_rejected", Message::of("certificate.error.reference"));
    case core::FieldEditResult::Unchanged: return {};
    default: return ServiceOutcome::of(Kind::Rebuild, node_id);
  }
}

ServiceOutcome CertificateService::on_reply(const core::Reply& reply, const core::ServiceContext& context) {
  if (m_flow.active()) return from_flow(m_flow.on_reply(reply, context));
  const Waiting waiting = std::exchange(m_waiting, Waiting::None);
  switch (waiting) {
    case Waiting::Status: return status_answered(reply);
    case Waiting::Submit: return submitted(reply, context.settings.language);
    case Waiting::Case: return case_answered(reply);
    case Waiting::None: break;
  }
  return {};
}

// A look-up that failed, or answered what the kiosk cannot read (told like a failure, never
// half shown): `load` is Failed, its screen says `alert`'s text with the way to try again.
ServiceOutcome CertificateService::failed(Load& load, Message& failure, core::Alert alert, std::string focus) {
  load = Load::Failed;
  failure = alert.text;
  return with_alert(ServiceOutcome::of(Kind::Rebuild, std::move(focus)), std::move(alert));
}

ServiceOutcome CertificateService::status_answered(const core::Reply& reply) {
  if (!reply.ok) return failed(m_status, m_failure, core::failure_alert(reply.error), "certificate.retry");
  const core::Value& card = reply.data["certificate"];
  if (!reply.data.is_object() || !(card.is_null() || (card.is_object() && is_card_state(card.string_at("state")))))
    return failed(m_status, m_failure, unreadable(), "certificate.retry");
  m_status = Load::Shown;
  m_answer = reply.data;
  m_data_as_of = reply.data_as_of;
  return ServiceOutcome::of(Kind::Rebuild, "certificate.state");
}

// Stored in the outbox is success: the reference number goes on the receipt. The gateway's
// own refusals, when an answer carries one, are told with the way forward.
ServiceOutcome CertificateService::submitted(const core::Reply& reply, const std::string& language) {
  if (!reply.ok) {
    const std::string& problem = reply.error.problem_code;
    if (problem == "application_open" || problem == "cancelled_within_year" || problem == "already_certified" ||
        problem == "assessment_required" || problem == "not_fully_online") {
      m_refusal_text = reply.error.message;
      return refuse(problem, language);
    }
    return with_alert(ServiceOutcome::of(Kind::Rebuild, "certificate_apply_summary.submit"),
                      core::failure_alert(reply.error));
  }
  m_reference = reply.reference;
  return go(Step::Receipt, "certificate_apply_receipt.reference");
}

ServiceOutcome CertificateService::case_answered(const core::Reply& reply) {
  if (!reply.ok && reply.error.code == "not_found" && m_case_number.value().size() > 0) {
    // A typed number not found: mistyped, or an application saved offline not sent yet. The
    // field comes back with the number in it and the error at it (C1).
    m_case_asked = false;
    return field_error("certificate_case.number", "case_not_found", Message::of("certificate_case.not_found"));
  }
  if (!reply.ok) return failed(m_case_load, m_case_failure, core::failure_alert(reply.error), "certificate_case.failed");
  if (!is_case_state(reply.data.string_at("status")))
    return failed(m_case_load, m_case_failure, unreadable(), "certificate_case.failed");
  m_case_load = Load::Shown;
  m_case = reply.data;
  return ServiceOutcome::of(Kind::Rebuild, "certificate_case.now");
}

ServiceOutcome CertificateService::back() {
  if (m_flow.active()) {
    ServiceOutcome outcome = m_flow.back();
    if (outcome.kind == Kind::Leave && !m_flow.active()) return go(Step::Assessment, "certificate_apply_assessment.about");
    return outcome;
  }
  switch (m_step) {
    case Step::Status: return ServiceOutcome::of(Kind::Leave);
    case Step::Basis: return go(Step::Status, kApplyPrefix + m_apply.type);
    case Step::Assessment: return go(Step::Basis, "certificate_apply_basis." + m_apply.basis);
    case Step::Documents:
      if (m_apply.document > 0) {
        --m_apply.document;
        return ServiceOutcome::of(Kind::Rebuild, "certificate_apply_documents.item");
      }
      return needs_assessment(m_apply.type) ? go(Step::Assessment, "certificate_apply_assessment.about")
                                            : go(Step::Basis, "certificate_apply_basis." + m_apply.basis);
    case Step::Options:
      m_apply.documents_read = false;
      return go(Step::Documents, "certificate_apply_documents.item");
    case Step::Consent: return go(Step::Options, "certificate_apply_options.next");
    case Step::Summary:
      return shares_data() ? go(Step::Consent, "certificate_apply_consent.agree") : go(Step::Options, "certificate_apply_options.next");
    case Step::Receipt: return ServiceOutcome::of(Kind::Leave);
    case Step::Refused:
    case Step::Case: return go(Step::Status, "certificate.state");
  }
  return ServiceOutcome::of(Kind::Leave);
}

}  // namespace kiosk::services::certificate
