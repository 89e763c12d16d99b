// SPDX-License-Identifier: GPL-3.0-or-later
// The identity service's screens: one tree per step (identity.h lists their ids).
#include <array>
#include <utility>

#include "kiosk/services/identity/identity.h"
#include "kiosk/core/ui/masking.h"

namespace kiosk::services::identity {

using core::Message;
using core::Node;
using core::Role;
using core::Tree;

namespace {

Node button(const std::string& id) { return core::make_node(id, Role::Button, Message::of("identity." + id)); }

Tree screen(const std::string& id, const std::string& title, const std::string& prompt) {
  return Tree{id, Message::of("identity." + title), Message::of("identity." + prompt), {}};
}

constexpr std::array<const char*, 7> kRelationships{"parent", "guardian", "spouse", "child",
                                                    "other_relative", "village_officer", "hall_staff"};
constexpr std::array<const char*, 3> kAuthorities{"guardianship", "written_authorisation", "officer_on_request"};

}  // namespace

Tree IdentityService::build(const core::ServiceContext& context) const {
  switch (m_step) {
    case Step::Start: return build_start(m_agent);
    case Step::Keyed: return build_keyed("identify_keyed");
    case Step::AgentResident: return build_keyed("agent_resident");
    case Step::Factor: return build_factor();
    case Step::Verify: return build_verify(context);
    case Step::Staff: return build_staff();
    case Step::AgentRelationship: return build_choices("agent_relationship");
    case Step::AgentAuthority: return build_choices("agent_authority");
    case Step::Refused: return build_refused();
  }
  return build_start(m_agent);
}

Tree IdentityService::build_start(bool agent_mode) const {
  Tree tree = screen("identify", agent_mode ? "identify.agent_title" : "identify.title", "identify.prompt");
  tree.nodes.push_back(core::make_node("identify.card", Role::Text, Message::of("identity.identify.card")));
  tree.nodes.push_back(core::make_node("identify.keyed", Role::Button, Message::of("identity.identify.keyed"),
                            Message::of("identity.identify.keyed.hint")));
  if (!agent_mode)
    tree.nodes.push_back(core::make_node("identify.agent", Role::Button, Message::of("identity.identify.agent"),
                              Message::of("identity.identify.agent.hint")));
  return tree;
}

// identify_keyed (the person at the kiosk) or agent_resident (the resident an agent names):
// the ID number, or the disability certificate's number (id + ".certificate").
Tree IdentityService::build_keyed(const std::string& id) const {
  const std::string mode = m_by_certificate ? ".certificate" : "";
  Tree tree = screen(id, id + mode + ".title", id + mode + ".prompt");
  if (id == "agent_resident")
    tree.nodes.push_back(core::make_node(id + ".card", Role::Text, Message::of("identity.agent_resident.card")));
  if (m_by_certificate)
    tree.nodes.push_back(m_certificate.node(id + ".certificate", Message::of("identity." + id + ".certificate"),
                                            Message::of("identity.certificate_field.hint")));
  else
    tree.nodes.push_back(m_id.node(id + ".id", Message::of("identity." + id + ".id"), Message::of("identity.id_field.hint")));
  tree.nodes.push_back(button(id + ".submit"));
  tree.nodes.push_back(button(id + (m_by_certificate ? ".by_id" : ".by_certificate")));
  return tree;
}

Tree IdentityService::build_factor() const {
  Tree tree = screen("identify_factor", "identify_factor.title", "identify_factor.prompt");
  Node number = core::make_node("identify_factor.number", Role::Text,
                     Message::of("identity.identify_factor.number").arg("number", core::mask_id_number(m_actor.id_number)));
  tree.nodes.push_back(std::move(number));
  tree.nodes.push_back(core::make_node("identify_factor.sms", Role::Button, Message::of("identity.identify_factor.sms"),
                            Message::of("identity.identify_factor.sms.hint")));
  tree.nodes.push_back(button("identify_factor.staff"));
  return tree;
}

Tree IdentityService::build_verify(const core::ServiceContext& context) const {
  Tree tree = screen("verify", "verify.title", "verify.prompt");
  tree.prompt.arg("phone", m_phone_masked);
  if (!m_code_locked) {
    tree.nodes.push_back(m_code.node("verify.code", Message::of("identity.verify.code"), Message::of("identity.verify.code.hint")));
    tree.nodes.push_back(button("verify.submit"));
    Node resend = button("verify.resend");
    if (m_resend_at != core::kNoDeadline && context.now < m_resend_at) {
      resend.state.disabled = true;
      resend.hint = Message::of("identity.verify.resend.later");
    }
    tree.nodes.push_back(std::move(resend));
  }
  tree.nodes.push_back(button("verify.staff"));
  return tree;
}

Tree IdentityService::build_staff() const {
  Tree tree = screen("identify_staff", "identify_staff.title", "identify_staff.prompt");
  tree.nodes.push_back(m_staff_number.node("identify_staff.number", Message::of("identity.identify_staff.number"), {}));
  tree.nodes.push_back(m_staff_pin.node("identify_staff.pin", Message::of("identity.identify_staff.pin"), {}));
  tree.nodes.push_back(button("identify_staff.submit"));
  return tree;
}

Tree IdentityService::build_choices(const std::string& id) const {
  Tree tree = screen(id, id + ".title", id + ".prompt");
  const bool relationships = id == "agent_relationship";
  const auto add = [&](const char* choice) {
    Node node = button(id + "." + choice);
    node.state.selected = relationships && m_relationship == choice;
    tree.nodes.push_back(std::move(node));
  };
  if (relationships)
    for (const char* choice : kRelationships) add(choice);
  else
    for (const char* choice : kAuthorities) add(choice);
  return tree;
}

Tree IdentityService::build_refused() const {
  Tree tree = screen("agent_refused", "agent_refused.title", "agent_refused.prompt");
  Message why = m_refusal.empty() ? Message::of("alert.request_failed") : Message::text(m_refusal);
  tree.nodes.push_back(core::make_node("agent_refused.message", Role::Text, std::move(why)));
  tree.nodes.push_back(button("agent_refused.self"));
  tree.nodes.push_back(button("agent_refused.home"));
  return tree;
}

}  // namespace kiosk::services::identity
