// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Whom a visit is for (docs/domain.md, identity and agents). The resident shows their ID
// card or types their ID number (or their disability certificate's number, which holds
// it), then a second factor: a code sent by SMS to the phone on
// file, or a member of staff's number and PIN. Never a face, never one factor alone. An
// agent ("我替别人办理") identifies themselves first, then names the resident, the
// relationship and its authority; the backend checks them against its records.
//
// Screens (stable ids, docs/design.md): identify, identify_keyed, identify_factor, verify,
// identify_staff, agent_resident, agent_relationship, agent_authority, agent_refused.
// Everything typed or read lives in this object for the visit only: reset() wipes it.
#include <cstdint>
#include <string>

#include "kiosk/core/flow/service.h"
#include "kiosk/core/ui/field.h"

namespace kiosk::services::identity {

// How long a code stays good and how soon another may be sent (the gateway's own rules;
// the kiosk counts them down on its clock to say so without a round trip).
inline constexpr std::int64_t kCodeLifeMs = 5 * 60'000;
inline constexpr std::int64_t kResendGapMs = 60'000;

class IdentityService final : public core::Service {
 public:
  std::string id() const override { return "identity"; }
  // Reached by placing a card (on any screen) or through a service that needs to know
  // whom the visit is for; the home menu keeps its place for the services themselves.
  bool on_menu() const override { return false; }
  void start() override;
  core::Tree build(const core::ServiceContext& context) const override;
  core::ServiceOutcome activate(const std::string& node_id, const core::ServiceContext& context) override;
  core::ServiceOutcome edit(const std::string& node_id, const core::FieldInput& input,
                            const core::ServiceContext& context) override;
  core::ServiceOutcome on_reply(const core::Reply& reply, const core::ServiceContext& context) override;
  core::ServiceOutcome on_card(const core::CardEvent& event, const core::ServiceContext& context) override;
  std::int64_t next_deadline() const override;
  core::ServiceOutcome tick(const core::ServiceContext& context) override;
  core::ServiceOutcome back() override;
  void reset() override;

 private:
  enum class Step {
    Start, Keyed, Factor, Verify, Staff, AgentResident, AgentRelationship, AgentAuthority, Refused
  };
  enum class Waiting { None, OpenVisit, Verify, Resend, Represent };
  struct Person {
    std::string id_number;     // normalised, 18 characters
    bool by_card = false;
    std::string masked_name;   // from the card, or the backend's answer
    bool under_14 = false;     // only a guardian consents for them
  };

  core::ServiceOutcome go(Step step, std::string focus = {});
  core::ServiceOutcome submit_number(const std::string& screen, const core::ServiceContext& context);
  core::ServiceOutcome submit_certificate(const std::string& screen, const core::ServiceContext& context);
  core::ServiceOutcome keyed_action(const std::string& screen, const std::string& node_id,
                                    const core::ServiceContext& context);
  core::ServiceOutcome took_person(Person person, const core::ServiceContext& context);
  core::ServiceOutcome open_visit(bool sms);
  core::ServiceOutcome verify_code();
  core::ServiceOutcome resend(const core::ServiceContext& context);
  core::ServiceOutcome represent(const std::string& authority);
  core::ServiceOutcome visit_opened(const core::Reply& reply, const core::ServiceContext& context);
  core::ServiceOutcome code_answered(const core::Reply& reply, const core::ServiceContext& context);
  core::ServiceOutcome represented(const core::Reply& reply);
  core::ServiceOutcome identified(const core::Value& answer);
  core::ServiceOutcome finish();
  void start_code_clock(std::int64_t now);
  core::TextField* field(const std::string& node_id);

  core::Tree build_start(bool agent_mode) const;
  core::Tree build_keyed(const std::string& screen) const;
  core::Tree build_factor() const;
  core::Tree build_verify(const core::ServiceContext& context) const;
  core::Tree build_staff() const;
  core::Tree build_choices(const std::string& screen) const;
  core::Tree build_refused() const;

  Step m_step = Step::Start;
  Waiting m_waiting = Waiting::None;
  bool m_agent = false;            // "我替别人办理": the actor first, then the resident
  bool m_actor_done = false;       // the actor's visit is verified
  Person m_actor;
  std::string m_resident_id;       // the resident an agent acts for (normalised)
  std::string m_resident_name;     // masked, from their card (when read)
  bool m_resident_under_14 = false;
  std::string m_authority;         // the agent's authority, as sent to the backend
  core::TextField m_id{core::FieldKind::IdNumber, core::TextField::kIdLength};
  core::TextField m_certificate{core::FieldKind::CertificateNumber, core::TextField::kCertificateMaxLength};
  bool m_by_certificate = false;   // the keyed screens take the certificate's number
  std::string m_expired_card_id;   // an expired card read on this step: a typed certificate must be its holder's
  core::TextField m_code{core::FieldKind::Code, 6};
  core::TextField m_staff_number{core::FieldKind::Digits, 8};
  core::TextField m_staff_pin{core::FieldKind::Pin, 6};
  bool m_sms = true;               // the factor chosen
  std::string m_visit_id;
  std::string m_phone_masked;
  std::int64_t m_code_expires = core::kNoDeadline;
  std::int64_t m_resend_at = core::kNoDeadline;
  bool m_code_locked = false;
  std::string m_relationship;
  std::string m_refusal;           // the backend's accessible message
  core::Visit m_visit;             // built up, handed to the Kiosk when identified
  std::int64_t m_now = 0;          // the last context's clock, for the timers
};

}  // namespace kiosk::services::identity
