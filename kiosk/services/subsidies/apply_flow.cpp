// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/subsidies/apply_flow.h"

#include <algorithm>
#include <utility>

namespace kiosk::services::subsidies {

using core::Message;
using core::ServiceOutcome;
using Kind = core::ServiceOutcome::Kind;

ApplyOffer apply_offer(const core::Value& answer) {
  ApplyOffer offer;
  for (const core::Value& entry : answer["entitlements"].as_array())
    if (entry["may_apply"].as_bool() && !entry.string_at("programme").empty())
      offer.programmes.push_back(entry.string_at("programme"));
  const core::Value& applicant = answer["applicant"];
  offer.bank_ref = applicant["bank_account"].string_at("ref");
  offer.bank_masked = applicant["bank_account"].string_at("masked");
  if (offer.bank_masked.empty()) offer.bank_ref.clear();   // an account we cannot show is not offered
  offer.sms_on_file = applicant["sms_on_file"].as_bool();
  offer.hukou_region = applicant.string_at("hukou_region");
  return offer;
}

void ApplyFlow::reset() { *this = ApplyFlow{}; }

void ApplyFlow::begin(ApplyOffer offer, const std::string& programme) {
  reset();
  m_offer = std::move(offer);
  if (std::find(m_offer.programmes.begin(), m_offer.programmes.end(), programme) != m_offer.programmes.end())
    m_programmes.push_back(programme);
}

bool ApplyFlow::chosen(const std::string& programme) const {
  return std::find(m_programmes.begin(), m_programmes.end(), programme) != m_programmes.end();
}

std::string ApplyFlow::applicant_role(const core::ServiceContext& context) const {
  if (!context.visit.for_someone_else()) return "self";
  const std::string& r = context.visit.relationship;
  return r == "guardian" || r == "parent" ? "guardian" : "agent";
}

ServiceOutcome ApplyFlow::go(Step step, std::string focus) {
  m_step = step;
  return ServiceOutcome::of(Kind::NewScreen, std::move(focus));
}

// After an answer: on to the next step, or back to the summary when it was a change.
ServiceOutcome ApplyFlow::answered() {
  if (m_changing) {
    m_changing = false;
    // A change that brings in the living allowance still needs its consent.
    if (needs_consent() && !m_consented) return go(Step::Consent, "consent.what");
    return go(Step::Summary, "subsidy_apply_summary.submit");
  }
  switch (m_step) {
    case Step::Programme: return go(Step::Residence, "subsidy_apply_residence.hukou");
    case Step::Residence: return go(Step::Bank, m_offer.bank_ref.empty() ? "subsidy_apply_bank.at_window" : "subsidy_apply_bank.on_file");
    case Step::Bank:
      return needs_consent() && !m_consented ? go(Step::Consent, "consent.what")
                                             : go(Step::Summary, "subsidy_apply_summary.submit");
    default: return go(Step::Summary, "subsidy_apply_summary.submit");
  }
}

ServiceOutcome ApplyFlow::choose_programme(const std::string& programme) {
  if (std::find(m_offer.programmes.begin(), m_offer.programmes.end(), programme) == m_offer.programmes.end()) return {};
  if (chosen(programme))
    m_programmes.erase(std::find(m_programmes.begin(), m_programmes.end(), programme));
  else
    m_programmes.push_back(programme);
  // Keep the offer's order, so the summary and the receipt read the same way every time.
  std::vector<std::string> ordered;
  for (const auto& p : m_offer.programmes)
    if (chosen(p)) ordered.push_back(p);
  m_programmes = std::move(ordered);
  return ServiceOutcome::of(Kind::Rebuild, "subsidy_apply_programme." + programme);
}

ServiceOutcome ApplyFlow::record_consent(const core::ServiceContext& context) {
  m_consented = true;
  const std::string role = applicant_role(context);
  m_consent = core::Consent{kIncomeCheckConsent, kIncomeCheckVersion, context.now, context.input_method, role};
  ServiceOutcome outcome = answered();
  core::Visit visit = context.visit;   // the visit keeps it, for the other requests that rely on it
  visit.consents.push_back(m_consent);
  outcome.visit = std::move(visit);
  outcome.alert = core::Alert{"consent_given", Message::of("subsidy_apply_consent.given")};
  return outcome;
}

ServiceOutcome ApplyFlow::activate(const std::string& id, const core::ServiceContext& context) {
  if (id == "subsidy_apply_programme.next") {
    if (m_programmes.empty())
    {
      ServiceOutcome outcome;
      outcome.alert = core::Alert{"choose_programme", Message::of("subsidy_apply_programme.none")};
      return outcome;
    }
    return answered();
  }
  if (id.rfind("subsidy_apply_programme.", 0) == 0 && id != "subsidy_apply_programme.back")
    return choose_programme(id.substr(std::string("subsidy_apply_programme.").size()));
  if (id == "subsidy_apply_residence.hukou" || id == "subsidy_apply_residence.residence_permit") {
    m_residence = id.substr(std::string("subsidy_apply_residence.").size());
    return answered();
  }
  if (id == "subsidy_apply_bank.on_file" || id == "subsidy_apply_bank.at_window") {
    m_bank = id.substr(std::string("subsidy_apply_bank.").size());
    return answered();
  }
  if (id == "consent.agree") return context.visit.consent_needs_guardian() ? ServiceOutcome{} : record_consent(context);
  if (id == "consent.refuse") return go(Step::Refused, "subsidy_apply_refused.text");
  if (id == "subsidy_apply_refused.consent") return go(Step::Consent, "consent.what");
  if (id == "subsidy_apply_summary.programmes") { m_changing = true; return go(Step::Programme, "subsidy_apply_programme.next"); }
  if (id == "subsidy_apply_summary.residence") { m_changing = true; return go(Step::Residence, "subsidy_apply_residence." + m_residence); }
  if (id == "subsidy_apply_summary.bank") { m_changing = true; return go(Step::Bank, "subsidy_apply_bank." + m_bank); }
  if (id == "subsidy_apply_summary.submit") {
    if (m_sending) return {};
    m_sending = true;
    m_sent.clear();
    m_failure = {};
    return send_next(context);
  }
  if (id.ends_with(".status") || id.ends_with(".back")) return ServiceOutcome::of(Kind::Leave);
  return {};
}

// One application per programme, one after the other: each answer brings the next.
ServiceOutcome ApplyFlow::send_next(const core::ServiceContext& context) {
  const std::size_t next = m_sent.size();
  if (next >= m_programmes.size()) {
    m_sending = false;
    if (m_sent.empty()) return ServiceOutcome::of(Kind::Rebuild, "subsidy_apply_summary.submit");
    return go(Step::Receipt, "subsidy_receipt.saved");
  }
  core::RequestSpec spec = core::RequestSpec::application("subsidy_application", {});
  spec.body.set("subject_ref", context.visit.resident_ref());
  spec.body.set("programme", m_programmes[next]);
  spec.body.set("applicant_role", applicant_role(context));
  spec.body.set("residence_basis", m_residence);
  if (m_bank == "on_file") spec.body.set("bank_account_ref", m_offer.bank_ref);
  core::Value consents{core::Value::Array{}};
  if (m_consented) {
    core::Value consent;
    consent.set("id", m_consent.id).set("text_version", m_consent.text_version).set("method", m_consent.method);
    consent.set("actor", m_consent.actor).set("at_ms", m_consent.at_ms);
    consents.push(std::move(consent));
  }
  spec.body.set("consents", std::move(consents));
  return ServiceOutcome::asking(std::move(spec), Kind::Rebuild, "subsidy_apply_summary.submit");
}

ServiceOutcome ApplyFlow::on_reply(const core::Reply& reply, const core::ServiceContext& context) {
  if (!m_sending) return {};
  if (reply.ok) {
    m_sent.push_back(Sent{m_programmes[m_sent.size()], reply.reference});
    return send_next(context);
  }
  // Not stored (outbox full, disk full): nothing was sent for this programme; say so and
  // the way forward. What was stored before it stays stored.
  const core::Alert alert = core::failure_alert(reply.error);
  m_failure = alert.text;
  m_sending = false;
  ServiceOutcome outcome = m_sent.empty() ? ServiceOutcome::of(Kind::Rebuild, "subsidy_apply_summary.submit")
                                          : go(Step::Receipt, "subsidy_receipt.saved");
  outcome.alert = alert;
  return outcome;
}

ServiceOutcome ApplyFlow::back() {
  if (m_changing) {
    m_changing = false;
    return go(Step::Summary, "subsidy_apply_summary.submit");
  }
  switch (m_step) {
    case Step::Programme: return ServiceOutcome::of(Kind::Leave);
    case Step::Residence: return go(Step::Programme, "subsidy_apply_programme.next");
    case Step::Bank: return go(Step::Residence, "subsidy_apply_residence." + (m_residence.empty() ? std::string("hukou") : m_residence));
    case Step::Consent: return go(Step::Bank, "subsidy_apply_bank." + m_bank);
    case Step::Refused: return go(Step::Consent, "consent.what");
    case Step::Summary:
      if (m_sending) return {};
      return needs_consent() ? go(Step::Consent, "consent.what") : go(Step::Bank, "subsidy_apply_bank." + m_bank);
    case Step::Receipt: return ServiceOutcome::of(Kind::Leave);
  }
  return ServiceOutcome::of(Kind::Leave);
}

}  // namespace kiosk::services::subsidies
