// SPDX-License-Identifier: GPL-3.0-or-later
// The identity service: the gateway's answers (open a visit, check the code, send another,
// act for someone), the code's timers, and the way back through the steps.
#include <utility>

#include "kiosk/services/identity/identity.h"
#include "kiosk/services/identity/outcomes.h"

namespace kiosk::services::identity {

using core::Message;
using core::ServiceOutcome;
using Kind = core::ServiceOutcome::Kind;

// A code was sent: the field starts empty, the code lives 5 minutes, another may be asked
// for after a minute.
void IdentityService::start_code_clock(std::int64_t now) {
  m_code.clear();
  m_code_expires = now + kCodeLifeMs;
  m_resend_at = now + kResendGapMs;
}

ServiceOutcome IdentityService::on_reply(const core::Reply& reply, const core::ServiceContext& context) {
  m_now = context.now;
  const Waiting waiting = std::exchange(m_waiting, Waiting::None);
  switch (waiting) {
    case Waiting::OpenVisit:
      return visit_opened(reply, context);
    case Waiting::Verify:
    case Waiting::Resend:
      return code_answered(reply, context);
    case Waiting::Represent:
      return represented(reply);
    case Waiting::None:
      return {};
  }
  return {};
}

ServiceOutcome IdentityService::visit_opened(const core::Reply& reply, const core::ServiceContext& context) {
  if (!reply.ok) {
    const std::string& problem = reply.error.problem_code;
    if (problem == "staff_auth_failed") {
      m_staff_pin.clear();
      return field_error("identify_staff.number", core::failure_alert(reply.error));
    }
    if (problem == "no_phone_on_file")
      return with_alert(go(Step::Staff, "identify_staff.number"), core::failure_alert(reply.error));
    return with_alert({}, core::failure_alert(reply.error));
  }
  m_visit_id = reply.data.string_at("visit_id");
  if (reply.data["verified"].as_bool()) return identified(reply.data);
  m_phone_masked = reply.data.string_at("phone_masked");
  start_code_clock(context.now);
  return with_alert(
      go(Step::Verify, "verify.code"),
      core::Alert{"code_sent", Message::of("identity.code_sent").arg("phone", m_phone_masked), core::Privacy::Public});
}

ServiceOutcome IdentityService::code_answered(const core::Reply& reply, const core::ServiceContext& context) {
  if (reply.ok && reply.data["verified"].as_bool())
    return identified(reply.data);
  if (reply.ok) {  // another code is on its way
    start_code_clock(context.now);
    return with_alert(ServiceOutcome::of(Kind::Rebuild, "verify.code"),
                      core::Alert{"code_resent", Message::of("identity.code_sent").arg("phone", m_phone_masked),
                                  core::Privacy::Public});
  }
  const std::string& problem = reply.error.problem_code;
  if (problem == "code_wrong") {
    m_code.clear();
    return field_error("verify.code", "code_wrong",
                       Message::of("identity.error.code_wrong")
                           .arg("tries", std::to_string(reply.error.problem["tries_left"].as_int())));
  }
  if (problem == "code_locked") {
    m_code_locked = true;
    m_code.clear();
    m_code_expires = m_resend_at = core::kNoDeadline;
    return with_alert(ServiceOutcome::of(Kind::Rebuild, "verify.staff"), "code_locked",
                      Message::of("identity.code_locked"));
  }
  if (problem == "code_expired")
    return with_alert(ServiceOutcome::of(Kind::Rebuild, "verify.resend"), "code_expired",
                      Message::of("identity.code_expired"));
  return with_alert({}, core::failure_alert(reply.error));
}

ServiceOutcome IdentityService::represented(const core::Reply& reply) {
  if (!reply.ok) {
    const std::string& problem = reply.error.problem_code;
    if (problem != "authority_unknown" && problem != "subject_unknown")
      return with_alert({}, core::failure_alert(reply.error));
    m_refusal = reply.error.message;
    return with_alert(go(Step::Refused, "agent_refused.self"), core::failure_alert(reply.error));
  }
  m_visit.represented_subject_ref = reply.data.string_at("represented_subject_ref");
  m_visit.relationship = m_relationship;
  m_visit.authority = m_authority;
  m_visit.resident_under_14 = m_resident_under_14;
  m_visit.own_application_required = reply.data["own_application_required"].strings();
  m_visit.access_needs = reply.data["access_needs"].strings();   // the resident's, not the agent's
  const std::string masked = reply.data.string_at("name_masked");
  m_visit.masked_name = masked.empty() ? m_resident_name : masked;
  m_resident_id.clear();
  return finish();
}

ServiceOutcome IdentityService::identified(const core::Value& answer) {
  m_code.clear();
  m_staff_pin.clear();
  m_code_expires = m_resend_at = core::kNoDeadline;
  m_visit.subject_ref = answer.string_at("subject_ref");
  const std::string masked_name = answer.string_at("name_masked");
  m_visit.masked_name = masked_name.empty() ? m_actor.masked_name : masked_name;
  m_visit.resident_under_14 = m_actor.under_14;
  m_visit.access_needs = answer["access_needs"].strings();
  m_actor_done = true;
  if (!m_agent) return finish();
  return with_alert(go(Step::AgentResident, "agent_resident.id"), "agent_resident_next",
                    Message::of("identity.agent.resident_next"));
}

// Leaves with the visit identified; the Kiosk goes back to the service that asked.
ServiceOutcome IdentityService::finish() {
  ServiceOutcome outcome = ServiceOutcome::of(Kind::Leave);
  outcome.visit = m_visit;
  outcome.alert = core::Alert{"identified", Message::of("identity.identified").arg("name", m_visit.masked_name),
                              core::Privacy::Personal};
  m_actor = {};
  m_resident_id.clear();
  return outcome;
}

std::int64_t IdentityService::next_deadline() const {
  if (m_step != Step::Verify) return core::kNoDeadline;
  std::int64_t next = core::kNoDeadline;
  for (std::int64_t at : {m_code_expires, m_resend_at})
    if (at != core::kNoDeadline && (next == core::kNoDeadline || at < next)) next = at;
  return next;
}

// The code's clock: after 60 s another may be asked for; after 5 minutes it is dead.
ServiceOutcome IdentityService::tick(const core::ServiceContext& context) {
  m_now = context.now;
  if (m_resend_at != core::kNoDeadline && context.now >= m_resend_at) {
    m_resend_at = core::kNoDeadline;
    if (m_code_expires == core::kNoDeadline || context.now < m_code_expires) return ServiceOutcome::of(Kind::Rebuild);
  }
  if (m_code_expires != core::kNoDeadline && context.now >= m_code_expires) {
    m_code_expires = core::kNoDeadline;
    m_code.clear();
    return with_alert(ServiceOutcome::of(Kind::Rebuild, "verify.resend"), "code_expired",
                      Message::of("identity.code_expired"));
  }
  return {};
}

ServiceOutcome IdentityService::back() {
  switch (m_step) {
    case Step::Start:
      return ServiceOutcome::of(Kind::Leave);
    case Step::Keyed:
    case Step::Factor:
      m_id.clear();
      return go(Step::Start, m_agent ? "identify.keyed" : std::string{});
    case Step::Verify:
    case Step::Staff:
      m_code.clear();
      m_staff_pin.clear();
      return go(Step::Factor, "identify_factor.sms");
    case Step::AgentResident:
      return ServiceOutcome::of(Kind::Leave);
    case Step::AgentRelationship:
      return go(Step::AgentResident, "agent_resident.id");
    case Step::AgentAuthority:
      return go(Step::AgentRelationship);
    case Step::Refused:
      return go(Step::AgentResident, "agent_resident.id");
  }
  return ServiceOutcome::of(Kind::Leave);
}

}  // namespace kiosk::services::identity
