// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who a visit is for, once the identity service has established it (POST /v1/visits and
// its second factor; /represent for an agent). The Kiosk holds one Visit per session and
// wipes it when the session ends; services read it through ServiceContext::visit and
// never see an ID number: only the backend's opaque references and the masked name.
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {

// A consent the resident (or the guardian) gave on a consent screen (PIPL Art. 28-31); it
// travels with the requests that rely on it.
struct Consent {
  std::string id;             // what was agreed, e.g. "civil_affairs_income_check"
  std::string text_version;   // the version of the text shown, e.g. "2026-01"
  std::int64_t at_ms = 0;     // the Kiosk's clock
  std::string method;         // "keypad", "touch", "braille"
  std::string actor;          // "self", "guardian", "agent"
};

struct Visit {
  std::string subject_ref;              // the person at the kiosk; "" = nobody identified yet
  std::string represented_subject_ref;  // the resident an agent acts for; "" = acting for self
  std::string relationship;             // the agent's: parent, guardian, ...; "" = self
  std::string masked_name;              // of the resident the visit is for, e.g. 周*斌
  std::vector<Consent> consents;
  // What the resident must apply for in person (本人申请), as the gateway marked it when an
  // agent took the visit over: endpoint names, e.g. "subsidy_application".
  std::vector<std::string> own_application_required{};   // (a default: Visit{a, b, c, d, e} stays valid)
  std::string authority{};          // the agent's: guardianship, written_authorisation, ...
  bool resident_under_14 = false;   // from the resident's birth date and the hall's day
  // What the resident needs of a place they go to, as on file (the gateway's codes:
  // wheelchair, sign_language, companion, ...): a booking starts with them ticked.
  std::vector<std::string> access_needs{};

  // PIPL art. 31: for a resident under 14 only a guardian consents (a parent, a guardian,
  // or an agent acting with guardianship).
  bool consent_needs_guardian() const {
    const bool guardian = relationship == "parent" || relationship == "guardian" || authority == "guardianship";
    return resident_under_14 && !guardian;
  }

  bool identified() const { return !subject_ref.empty(); }
  bool for_someone_else() const { return !represented_subject_ref.empty(); }
  // The resident every personal request is about.
  const std::string& resident_ref() const { return for_someone_else() ? represented_subject_ref : subject_ref; }
  // An agent may not apply for this one (endpoint name) on the resident's behalf.
  bool needs_own_application(const std::string& endpoint) const {
    if (!for_someone_else()) return false;
    for (const auto& e : own_application_required)
      if (e == endpoint) return true;
    return false;
  }
};

// The empty visit: nobody identified (a ServiceContext made outside a Kiosk).
inline const Visit& no_visit() {
  static const Visit none;
  return none;
}

}  // namespace kiosk::core
