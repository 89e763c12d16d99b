// SPDX-License-Identifier: GPL-3.0-or-later
// The certificate service's last screens: the summary, the receipt, a refusal, a case.
#include <utility>

#include "kiosk/services/certificate/certificate.h"
#include "kiosk/services/certificate/certificate_rules.h"
#include "kiosk/services/certificate/certificate_screen_parts.h"

namespace kiosk::services::certificate {

namespace {

// An answer on the summary: activating it opens its step again.
Node answer(const std::string& item, Message value) {
  return core::make_node("certificate_apply_summary." + item, Role::Button, std::move(value),
                         Message::of("certificate_apply_summary.change"));
}

}  // namespace

Tree CertificateService::build_summary(const core::ServiceContext& context) const {
  Tree tree = screen("certificate_apply_summary");
  tree.nodes.push_back(answer("type", Message::of("certificate.summary_type." + m_apply.type)));
  Message who = Message::of("certificate_apply_basis.who." + m_apply.role);
  who.arg("name", m_visit_name.empty() ? context.visit.masked_name : m_visit_name);
  tree.nodes.push_back(text("certificate_apply_summary.who", std::move(who), Privacy::Personal));
  tree.nodes.push_back(answer("basis", Message::of("certificate_apply_summary.basis." + m_apply.basis)));
  if (needs_assessment(m_apply.type)) {
    if (m_assessment.appointment_id.empty()) {
      tree.nodes.push_back(answer("assessment", Message::of("certificate_apply_summary.assessment_home")));
    } else {
      Message booked = Message::of("certificate_apply_summary.assessment_booked");
      booked.arg("day", booking::day_words(m_assessment.start, context.settings.language))
          .arg("time", booking::time_words(m_assessment.start))
          .arg("org", m_assessment.org);
      tree.nodes.push_back(answer("assessment", std::move(booked)));
      tree.nodes.back().privacy = Privacy::Personal;
    }
  }
  tree.nodes.push_back(answer("documents", Message::of("certificate_apply_summary.documents")
                                               .arg("count", std::to_string(checklist().size()))));
  Message options = Message::of(std::string("certificate_apply_summary.options.") + (m_apply.mail ? "mail" : "pickup") +
                                (m_apply.home_visit ? "_home" : ""));
  tree.nodes.push_back(answer("options", std::move(options)));
  if (m_apply.fee_waiver)
    tree.nodes.push_back(answer("fee_waiver", Message::of("certificate_apply_summary.fee_waiver")));
  if (shares_data()) tree.nodes.push_back(answer("consent", Message::of("certificate_apply_summary.consent")));
  tree.nodes.push_back(button("certificate_apply_summary.submit"));
  return tree;
}

// The receipt: the number, what happens next with the legal limits, how to appeal. It never
// names the category or grade (docs/domain.md 5).
Tree CertificateService::build_receipt(const std::string& lang) const {
  Tree tree = screen("certificate_apply_receipt");
  tree.nodes.push_back(text("certificate_apply_receipt.reference",
                            Message::of("certificate_apply_receipt.reference").arg("reference", m_reference)));
  tree.nodes.push_back(text("certificate_apply_receipt.saved", Message::of("certificate_apply_receipt.saved")));
  if (m_apply.basis == "residence_permit") {
    Message routed = Message::of("certificate_apply_receipt.routed");
    routed.arg("county", region_name(m_answer["hukou_region"].as_string(), lang));
    tree.nodes.push_back(text("certificate_apply_receipt.routed", std::move(routed)));
  }
  if (!m_assessment.appointment_id.empty()) {
    Message when = Message::of("certificate_apply_receipt.assessment");
    when.arg("day", booking::day_words(m_assessment.start, lang)).arg("time", booking::time_words(m_assessment.start));
    when.arg("org", m_assessment.org).arg("address", m_assessment.address).arg("reference", m_assessment.appointment_id);
    tree.nodes.push_back(text("certificate_apply_receipt.assessment", std::move(when), Privacy::Personal));
  }
  if (m_apply.type == "new")
    tree.nodes.push_back(text("certificate_apply_receipt.in_person", with_county("certificate_apply_receipt.in_person", lang)));
  const std::string steps = needs_assessment(m_apply.type) ? "assessment" : m_apply.type == "cancel" ? "cancel" : "card";
  tree.nodes.push_back(text("certificate_apply_receipt.next", with_county("certificate_apply_receipt.next." + steps, lang)));
  // Across provinces the hukou county decides, so its city and province hear the appeal.
  if (m_apply.basis == "residence_permit")
    tree.nodes.push_back(text("certificate_apply_receipt.appeal", Message::of("certificate_apply_receipt.appeal_routed")
                                                                      .arg("county", region_name(m_answer["hukou_region"].as_string(), lang))));
  else
    tree.nodes.push_back(text("certificate_apply_receipt.appeal", with_county("certificate_apply_receipt.appeal", lang)));
  tree.nodes.push_back(text("certificate_apply_receipt.follow_how",
                            Message::of("certificate_apply_receipt.follow_how").arg("digits", reference_digits(m_reference))));
  tree.nodes.push_back(button("certificate_apply_receipt.follow"));
  tree.nodes.push_back(button("certificate_apply_receipt.home"));
  return tree;
}

// The gateway's own sentence when it sent the refusal, else the kiosk's for the rule.
Message CertificateService::refusal_text(const std::string& language) const {
  if (!m_refusal_text.empty()) return Message::text(m_refusal_text);
  return with_county("certificate.refusal." + m_refusal, language);
}

Tree CertificateService::build_refused(const std::string& lang) const {
  Tree tree = screen("certificate_apply_refused");
  tree.nodes.push_back(text("certificate_apply_refused.why", refusal_text(lang)));
  tree.nodes.push_back(button("certificate_apply_refused.back"));
  tree.nodes.push_back(button("certificate_apply_refused.home"));
  return tree;
}

Tree CertificateService::build_case(const core::ServiceContext& context) const {
  Tree tree = screen("certificate_case");
  if (!m_case_asked) {
    tree.nodes.push_back(m_case_number.node("certificate_case.number", Message::of("certificate_case.number"),
                                            Message::of("certificate_case.number.hint")));
    tree.nodes.push_back(button("certificate_case.submit"));
  } else if (m_case_load == Load::Loading) {
    Node loading = core::make_node("certificate_case.loading", Role::Status, Message::of("certificate_case.loading"));
    loading.state.busy = true;
    tree.nodes.push_back(std::move(loading));
  } else if (m_case_load == Load::Failed) {
    tree.nodes.push_back(text("certificate_case.failed", m_case_failure));
    tree.nodes.push_back(button("certificate_case.other"));
  } else {
    add_case(context, tree);
    tree.nodes.push_back(button("certificate_case.other"));
    if (!context.headset && !context.speaker_consent) tree.nodes.push_back(button("certificate_case.speaker"));
  }
  tree.nodes.push_back(button("certificate_case.back"));
  tree.nodes.push_back(button("certificate_case.home"));
  return tree;
}

// One case: where it is now in plain words and until when, why it ended and what to do
// for an exit, where it is handled, then the timeline, oldest first.
void CertificateService::add_case(const core::ServiceContext& context, Tree& tree) const {
  const std::string& lang = context.settings.language;
  const std::string status = m_case.string_at("status");
  tree.nodes.push_back(text("certificate_case.data_as_of",
                            Message::of("certificate.data_as_of").arg("date", date_of(m_case.string_at("data_as_of"), lang))));
  if (is_transaction(m_case.string_at("type")))
    tree.nodes.push_back(core::make_node("certificate_case.type", Role::Heading,
                                         Message::of("certificate.case_item.type." + m_case.string_at("type"))));
  tree.nodes.push_back(text("certificate_case.now", with_county("certificate.case_state." + status, lang), Privacy::Personal));
  if (is_exit_state(status)) {
    const std::string reason = m_case.string_at("exit_reason");
    if (!reason.empty())
      tree.nodes.push_back(text("certificate_case.why",
                                with_county("certificate.exit_reason." + (is_exit_reason(reason) ? reason : "other"), lang),
                                Privacy::Personal));
    tree.nodes.push_back(text("certificate_case.todo", with_county("certificate.exit_todo." + status, lang), Privacy::Personal));
  }
  // The current step's deadline: the first the gateway gives.
  for (const auto& [name, value] : m_case["deadlines"].as_object()) {
    if (!is_deadline_name(name) || day_number(value.as_string()) < 0) continue;   // unknown or not a date
    Message deadline = Message::of("certificate_case.deadline." + name);
    deadline.arg("date", date_words(value.as_string(), lang));
    tree.nodes.push_back(text("certificate_case.deadline", std::move(deadline), Privacy::Personal));
    break;
  }
  if (const std::string routed = m_case.string_at("routed_to"); !routed.empty())
    tree.nodes.push_back(text("certificate_case.routed", Message::of("certificate_case.routed").arg("county", region_name(routed, lang))));
  int n = 0;
  for (const core::Value& entry : m_case["timeline"].as_array()) {
    const std::string state = entry.string_at("status");
    if (!is_case_state(state)) continue;
    Message line = Message::of("certificate_case.timeline." + state);
    line.arg("date", date_of(entry.string_at("at"), lang));
    tree.nodes.push_back(core::make_node("certificate_case.timeline." + std::to_string(++n), Role::Text, std::move(line),
                                         {}, Privacy::Personal));
  }
}

}  // namespace kiosk::services::certificate
