// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Applying for the two subsidies (POST /v1/subsidy-applications, through the outbox),
// offered only for the programmes the gateway's status answer says may be applied for:
// the kiosk never decides eligibility. Steps (screen ids, docs/design.md):
//
//   subsidy_apply_programme    which programme(s)
//   subsidy_apply_residence    hukou here, or a residence permit (the hukou county decides)
//   subsidy_apply_bank         the account the gateway has on file (masked), or the window
//   consent                    the separate consent to the income and dibao check with civil
//                              affairs (living allowance only); refusing leads to
//   subsidy_apply_refused      the counter path: where to go, what to bring
//   subsidy_apply_summary      every answer read back, each changeable; submit
//   subsidy_receipt            the reference number(s), what happens next, how long, what
//                              to bring, how the resident hears back
//
// One application per programme. Stored in the outbox is success for the resident: the
// receipt comes with the local reference number whether or not the network is up. The
// applicant's role comes from the visit (self, guardian, agent); consents travel in the
// body. Everything is dropped by reset() when the session ends.
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/flow/service.h"
#include "kiosk/services/subsidies/subsidies_county.h"

namespace kiosk::services::subsidies {

// What the status answer says about applying, for this visit.
struct ApplyOffer {
  std::vector<std::string> programmes;   // may be applied for, in the answer's order
  std::string bank_ref;                  // the account on file (opaque); "" = none
  std::string bank_masked;               // e.g. ****6789
  bool sms_on_file = false;              // the gateway can text the resident
  std::string hukou_region;              // where a residence-permit application is decided
};
ApplyOffer apply_offer(const core::Value& status_answer);

// The income and dibao check's consent text version: a new text gets a new version.
inline constexpr const char* kIncomeCheckConsent = "civil_affairs_income_check";
inline constexpr const char* kIncomeCheckVersion = "2026-01";

class ApplyFlow {
 public:
  enum class Step { Programme, Residence, Bank, Consent, Refused, Summary, Receipt };

  void begin(ApplyOffer offer, const std::string& programme);
  Step step() const { return m_step; }
  core::Tree build(const County& county, const core::ServiceContext& context) const;
  // Leave: back to the status screen.
  core::ServiceOutcome activate(const std::string& node_id, const core::ServiceContext& context);
  core::ServiceOutcome on_reply(const core::Reply& reply, const core::ServiceContext& context);
  core::ServiceOutcome back();
  void reset();

 private:
  struct Sent {
    std::string programme;
    std::string reference;   // the local reference number (the outbox's)
  };
  core::ServiceOutcome go(Step step, std::string focus);
  core::ServiceOutcome answered();   // the next step, or the summary when changing an answer
  core::ServiceOutcome send_next(const core::ServiceContext& context);
  core::ServiceOutcome choose_programme(const std::string& programme);
  core::ServiceOutcome record_consent(const core::ServiceContext& context);
  bool chosen(const std::string& programme) const;
  bool needs_consent() const { return chosen("living_allowance"); }
  std::string applicant_role(const core::ServiceContext& context) const;

  core::Tree build_programme(const County& county, const std::string& language) const;
  core::Tree build_residence(const County& county, const core::ServiceContext& context) const;
  core::Tree build_bank() const;
  core::Tree build_consent(const core::Visit& visit) const;
  core::Tree build_refused(const County& county, const std::string& language) const;
  core::Tree build_summary(const County& county, const core::ServiceContext& context) const;
  core::Tree build_receipt(const County& county, const core::ServiceContext& context) const;
  std::string routed_name(const County& county, const core::ServiceContext& context) const;

  ApplyOffer m_offer;
  Step m_step = Step::Programme;
  bool m_changing = false;                 // came from the summary to change one answer
  std::vector<std::string> m_programmes;   // chosen, in the offer's order
  std::string m_residence;                 // hukou | residence_permit
  std::string m_bank;                      // on_file | at_window
  bool m_consented = false;
  core::Consent m_consent;
  bool m_sending = false;
  std::vector<Sent> m_sent;
  core::Message m_failure;                 // a programme that could not be stored
};

}  // namespace kiosk::services::subsidies
