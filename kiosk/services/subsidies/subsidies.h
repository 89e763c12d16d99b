// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "我的补贴": the two subsidies (两项补贴, docs/domain.md) of the resident the visit is for,
// as the gateway answers them (GET /v1/subjects/{ref}/subsidies, live): for each programme
// its state in plain words, the monthly amount and the payments, why it stopped and what to
// do, where a case in review is, the next review and what to bring, the paying office, and
// how fresh the data is. The kiosk never decides eligibility: it says the gateway's reasons.
//
// Screens (stable ids, docs/design.md): subsidy_status, then for a programme the gateway
// says may be applied for, the application (apply_flow.h: subsidy_apply_*, subsidy_receipt).
// Amounts, payments and the case are personal (headset, or the speaker after consent; the
// screen and braille show them).
#include <string>
#include <vector>

#include "kiosk/core/flow/service.h"
#include "kiosk/services/subsidies/apply_flow.h"
#include "kiosk/services/subsidies/subsidies_county.h"

namespace kiosk::services::subsidies {

// "12200" fen → "122.00元": the speech normaliser reads it as money.
std::string money(long long fen);
// "2026-02-10" → "2026年2月10日"; "2026-02" → "2026年2月"; en: as given. "" stays "".
std::string date_words(const std::string& iso, const std::string& language);

class SubsidiesService final : public core::Service {
 public:
  explicit SubsidiesService(County county) : m_county(std::move(county)) {}

  std::string id() const override { return "subsidies"; }
  bool personal() const override { return true; }
  core::ServiceOutcome on_open(const core::ServiceContext& context) override;
  core::Tree build(const core::ServiceContext& context) const override;
  core::ServiceOutcome activate(const std::string& node_id, const core::ServiceContext& context) override;
  core::ServiceOutcome on_reply(const core::Reply& reply, const core::ServiceContext& context) override;
  core::ServiceOutcome back() override;
  void reset() override;

 private:
  enum class State { Loading, Shown, Failed, Applying };
  core::ServiceOutcome query(core::ServiceOutcome::Kind kind);
  core::ServiceOutcome from_application(core::ServiceOutcome outcome);
  void add_case(const core::Value& entry, const std::string& language, core::Tree& tree) const;
  void add_payments(const core::Value& entry, const std::string& prefix, const std::string& language,
                    core::Tree& tree) const;
  void add_application(const core::Value& entry, const std::string& prefix, const std::string& language,
                       core::Tree& tree) const;
  core::Message with_contacts(std::string id, const std::string& language) const;

  County m_county;
  State m_state = State::Loading;
  ApplyFlow m_apply;
  core::Value m_answer;          // the gateway's answer, for this visit only
  std::string m_data_as_of;
  core::Message m_failure;       // what the failed query told the resident
  std::string m_resident_ref;    // whom the visit is for (opaque), from on_open
};

}  // namespace kiosk::services::subsidies
