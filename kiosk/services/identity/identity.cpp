// SPDX-License-Identifier: GPL-3.0-or-later
// The identity service's steps and round trips; its screens are in identity_screens.cpp.
#include "kiosk/services/identity/identity.h"

#include <utility>

#include "kiosk/services/identity/id_number.h"
#include "kiosk/core/ui/masking.h"
#include "kiosk/services/identity/outcomes.h"

namespace kiosk::services::identity {

using core::Message;
using core::ServiceOutcome;
using Kind = core::ServiceOutcome::Kind;

namespace {

bool card_expired(const core::IdCard& card, int today) {
  if (card.valid_to.size() != 8 || today <= 0) return false;   // 长期: no end
  int end = 0;
  for (char c : card.valid_to) {
    if (c < '0' || c > '9') return false;
    end = end * 10 + (c - '0');
  }
  return end < today;
}

// What a refused character is told: which letter goes where, or digits only.
const char* rejected_message(core::FieldKind kind) {
  if (kind == core::FieldKind::CertificateNumber) return "identity.error.certificate_letters";
  return core::field_takes_x(kind) ? "identity.error.x_last" : "identity.error.digits_only";
}

}  // namespace

void IdentityService::start() {
  reset();
}

void IdentityService::reset() {
  m_step = Step::Start;
  m_waiting = Waiting::None;
  m_agent = m_actor_done = m_code_locked = false;
  m_actor = {};
  m_resident_id.clear();
  m_resident_name.clear();
  m_resident_under_14 = false;
  m_authority.clear();
  for (core::TextField* f : {&m_id, &m_certificate, &m_code, &m_staff_number, &m_staff_pin}) f->clear();
  m_by_certificate = false;
  m_expired_card_id.clear();
  m_sms = true;
  m_visit_id.clear();
  m_phone_masked.clear();
  m_code_expires = m_resend_at = core::kNoDeadline;
  m_relationship.clear();
  m_refusal.clear();
  m_visit = {};
}

ServiceOutcome IdentityService::go(Step step, std::string focus) {
  m_step = step;
  return ServiceOutcome::of(Kind::NewScreen, std::move(focus));
}

core::TextField* IdentityService::field(const std::string& node_id) {
  if (node_id == "identify_keyed.id" || node_id == "agent_resident.id") return &m_id;
  if (node_id == "identify_keyed.certificate" || node_id == "agent_resident.certificate") return &m_certificate;
  if (node_id == "verify.code") return &m_code;
  if (node_id == "identify_staff.number") return &m_staff_number;
  if (node_id == "identify_staff.pin") return &m_staff_pin;
  return nullptr;
}

ServiceOutcome IdentityService::edit(const std::string& node_id, const core::FieldInput& input,
                                     const core::ServiceContext& context) {
  (void)context;
  core::TextField* f = field(node_id);
  if (!f) return {};
  switch (f->apply(input)) {
    case core::FieldEditResult::Full:
      return with_alert({}, "field_full", Message::of("identity.field_full"));
    case core::FieldEditResult::Rejected:
      return field_error(node_id, "field_rejected", Message::of(rejected_message(f->kind())));
    case core::FieldEditResult::Unchanged: return {};
    default: return ServiceOutcome::of(Kind::Rebuild, node_id);
  }
}

ServiceOutcome IdentityService::activate(const std::string& node_id, const core::ServiceContext& context) {
  m_now = context.now;
  if (node_id == "identify.keyed")
    return m_actor_done ? go(Step::AgentResident, "agent_resident.id") : go(Step::Keyed, "identify_keyed.id");
  if (node_id == "identify.agent") {
    m_agent = true;
    return with_alert(ServiceOutcome::of(Kind::Rebuild, "identify.keyed"), "agent_actor_first",
                      Message::of("identity.agent.actor_first"));
  }
  for (const std::string screen : {"identify_keyed", "agent_resident"})
    if (node_id.rfind(screen + ".", 0) == 0) return keyed_action(screen, node_id.substr(screen.size() + 1), context);
  if (node_id == "identify_factor.sms") return open_visit(true);
  if (node_id == "identify_factor.staff" || node_id == "verify.staff") return go(Step::Staff, "identify_staff.number");
  if (node_id == "identify_staff.submit" || node_id == "identify_staff.pin") return open_visit(false);
  if (node_id == "identify_staff.number") return ServiceOutcome::of(Kind::Rebuild, "identify_staff.pin");
  if (node_id == "verify.code" || node_id == "verify.submit") return verify_code();
  if (node_id == "verify.resend") return resend(context);
  const std::string relationship = "agent_relationship.", authority = "agent_authority.";
  if (node_id.rfind(relationship, 0) == 0) {
    m_relationship = node_id.substr(relationship.size());
    return go(Step::AgentAuthority);
  }
  if (node_id.rfind(authority, 0) == 0) return represent(node_id.substr(authority.size()));
  if (node_id == "agent_refused.self") {
    m_agent = false;
    return finish();
  }
  if (node_id == "agent_refused.home") return ServiceOutcome::of(Kind::Leave);
  return {};
}

// identify_keyed (the actor) and agent_resident (the resident) take either number: the
// ID number, or the certificate's (which starts with it); a button switches between them.
ServiceOutcome IdentityService::keyed_action(const std::string& screen, const std::string& node,
                                             const core::ServiceContext& context) {
  if (node == "by_certificate" || node == "by_id") {
    m_by_certificate = node == "by_certificate";
    return ServiceOutcome::of(Kind::Rebuild, screen + (m_by_certificate ? ".certificate" : ".id"));
  }
  if (node == "certificate" || (node == "submit" && m_by_certificate)) return submit_certificate(screen, context);
  if (node == "id" || node == "submit") return submit_number(screen, context);
  return {};
}

// The ID number typed on identify_keyed (the actor) or agent_resident (the resident).
ServiceOutcome IdentityService::submit_number(const std::string& screen, const core::ServiceContext& context) {
  const std::string field_id = screen + ".id";
  const IdCheck check = check_id_number(m_id.value(), context.today);
  if (!check.ok())
    return field_error(field_id, id_problem_code(check.problem),
                       Message::of(std::string("identity.error.") + id_problem_code(check.problem)));
  if (check.converted_from_15) {   // read the new number back; the next Select goes on
    m_id.clear();
    for (char c : check.number) m_id.apply({core::FieldKey::Char, c, 0});
    ServiceOutcome outcome = with_alert(ServiceOutcome::of(Kind::Rebuild, field_id), "id_converted",
                                        Message::of("identity.id_converted").arg("number", check.number),
                                        core::Privacy::Personal);
    return outcome;
  }
  Person person{check.number, false, {}};
  m_id.clear();
  return took_person(std::move(person), context);
}

// A certificate number: checked whole (cert_* codes, or the id_* code of its ID part),
// then its ID part identifies the person as a typed ID number would. The category and
// grade in it are the resident's claim; the backend's record decides, so they stay here.
ServiceOutcome IdentityService::submit_certificate(const std::string& screen, const core::ServiceContext& context) {
  const std::string field_id = screen + ".certificate";
  const CertCheck check = check_certificate_number(m_certificate.value(), context.today, m_expired_card_id);
  if (!check.ok()) return field_error(field_id, check.code(), Message::of("identity.error." + check.code()));
  Person person{check.number.substr(0, core::TextField::kIdLength), false, {}};
  m_certificate.clear();
  return took_person(std::move(person), context);
}

ServiceOutcome IdentityService::took_person(Person person, const core::ServiceContext& context) {
  person.under_14 = under_14(person.id_number, context.today);
  const bool by_card = person.by_card;
  m_expired_card_id.clear();   // the next step is about the next person
  ServiceOutcome outcome;
  if (!m_actor_done) {
    m_actor = std::move(person);
    outcome = go(Step::Factor, "identify_factor.sms");
  } else {
    if (person.id_number == m_actor.id_number)
      return field_error(m_by_certificate ? "agent_resident.certificate" : "agent_resident.id", "agent_self",
                         Message::of("identity.error.agent_self"));
    m_resident_id = std::move(person.id_number);
    m_resident_under_14 = person.under_14;
    m_resident_name = std::move(person.masked_name);
    outcome = go(Step::AgentRelationship);
  }
  if (by_card) outcome = with_alert(std::move(outcome), "take_card", Message::of("identity.take_card"));
  return outcome;
}

ServiceOutcome IdentityService::on_card(const core::CardEvent& event, const core::ServiceContext& context) {
  m_now = context.now;
  using CK = core::CardEvent::Kind;
  const bool taking = m_step == Step::Start || m_step == Step::Keyed || m_step == Step::AgentResident;
  switch (event.kind) {
    case CK::Removed: return {};
    case CK::Unreadable: return with_alert({}, "card_unreadable", Message::of("identity.card_unreadable"));
    case CK::ReaderLost:
      if (!taking) return with_alert({}, "reader_lost", Message::of("identity.reader_lost"));
      return with_alert(go(m_actor_done ? Step::AgentResident : Step::Keyed), "reader_lost",
                        Message::of("identity.reader_lost"));
    case CK::Placed: break;
  }
  if (!taking) return with_alert({}, "card_not_now", Message::of("identity.card_not_now"));
  const IdCheck check = check_id_number(event.card.id_number, context.today);
  if (!check.ok()) return with_alert({}, "card_unreadable", Message::of("identity.card_unreadable"));
  if (card_expired(event.card, context.today)) {
    m_expired_card_id = check.number;   // the number typed next must be this card holder's
    return with_alert(go(m_actor_done ? Step::AgentResident : Step::Keyed), "card_expired",
                      Message::of("identity.card_expired"));
  }
  return took_person(Person{check.number, true, core::mask_name(event.card.name)}, context);
}

ServiceOutcome IdentityService::open_visit(bool sms) {
  m_sms = sms;
  core::RequestSpec spec = core::RequestSpec::live("open_visit");
  spec.body.set("id_number", m_actor.id_number);
  spec.body.set("method", std::string(m_actor.by_card ? "id_chip_" : "keyed_") + (sms ? "sms" : "staff"));
  if (!sms) {
    if (m_staff_number.value().empty())
      return field_error("identify_staff.number", "staff_number_missing", Message::of("identity.error.staff_number"));
    if (m_staff_pin.value().empty())
      return field_error("identify_staff.pin", "staff_pin_missing", Message::of("identity.error.staff_pin"));
    spec.body.set("staff_number", m_staff_number.value());
    spec.body.set("staff_pin", m_staff_pin.value());
  }
  m_waiting = Waiting::OpenVisit;
  return ServiceOutcome::asking(std::move(spec));
}

ServiceOutcome IdentityService::verify_code() {
  if (m_code_locked) return with_alert({}, "code_locked", Message::of("identity.code_locked"));
  if (m_code.value().size() != 6)
    return field_error("verify.code", "code_length", Message::of("identity.error.code_length"));
  core::RequestSpec spec = core::RequestSpec::live("verify_visit");
  spec.path["id"] = m_visit_id;
  spec.body.set("code", m_code.value());
  m_waiting = Waiting::Verify;
  return ServiceOutcome::asking(std::move(spec));
}

ServiceOutcome IdentityService::resend(const core::ServiceContext& context) {
  if (m_code_locked) return with_alert({}, "code_locked", Message::of("identity.code_locked"));
  if (m_resend_at != core::kNoDeadline && context.now < m_resend_at) {
    const std::int64_t seconds = (m_resend_at - context.now + 999) / 1000;
    return with_alert({}, "resend_too_soon", Message::of("identity.resend_wait").arg("seconds", std::to_string(seconds)));
  }
  core::RequestSpec spec = core::RequestSpec::live("resend_code");
  spec.path["id"] = m_visit_id;
  m_waiting = Waiting::Resend;
  return ServiceOutcome::asking(std::move(spec));
}

ServiceOutcome IdentityService::represent(const std::string& authority) {
  core::RequestSpec spec = core::RequestSpec::live("represent");
  spec.path["id"] = m_visit_id;
  spec.body.set("represented_id_number", m_resident_id);
  spec.body.set("relationship", m_relationship);
  spec.body.set("authority", authority);
  m_authority = authority;
  m_waiting = Waiting::Represent;
  return ServiceOutcome::asking(std::move(spec));
}

}  // namespace kiosk::services::identity
