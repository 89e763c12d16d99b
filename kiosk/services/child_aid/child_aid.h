// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "残疾儿童康复救助": children's rehabilitation aid (docs/domain.md 3.3), applied for by the
// guardian (the identity service's agent path: the visit is for the child). The child's
// record comes from the gateway (GET /v1/subjects/{ref}/child-rehab-aid, live): the birth
// date, the county whose rules apply (the gateway names it: hukou, or the residence
// permit's) and the cases in DOMAIN's states. The age windows are that county's, from the
// county profiles (age_rules.h computes them on the kiosk's date); within the configured
// months before the child ages out, a warning says what to do before then. The guardian
// picks a designated institution (GET /v1/facilities?service_code=child_rehab_<window>)
// and applies through the outbox (POST /v1/child-rehab-aid-applications).
//
// Screens (stable ids, docs/design.md): child_aid (windows, warning, cases, yearly review),
// child_aid_institution, child_aid_summary, child_aid_receipt. All about the child is
// personal (a child's data is sensitive: docs/domain.md 5).
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/flow/service.h"
#include "kiosk/services/child_aid/age_rules.h"
#include "kiosk/services/entitlements/entitlements.h"

namespace kiosk::services::child_aid {

using Text = entitlements::Text;

struct WindowRule {
  Window window;
  Text name;                // e.g. 残疾儿童康复救助
  Text before_ageing_out;   // what to do before the child ages out
};

// One county's rules ([child_aid] of its profile).
struct CountyRules {
  std::string region;       // the profile's region_code, e.g. 640324
  Text county;              // the profile's name
  std::vector<WindowRule> windows;
  int warn_months = 6;          // warn this many months before a child ages out
  int review_notice_days = 60;  // remind of the yearly review this many days before it is due
};

struct Rules {
  std::string home_region;              // the hall's county
  std::vector<CountyRules> counties;    // the hall's first, then the province's others
  const CountyRules* find(const std::string& region) const;
};

// The gateway's answer about the child, decoded and checked.
struct Case { std::string id, programme, status, org, next_review_due; };
struct ChildRecord {
  int birth = 0;             // YYYYMMDD
  std::string rules_region;  // the county whose rules apply, named by the gateway
  std::string basis;         // hukou | residence_permit
  std::vector<Case> cases;
  const Case* open_case(const std::string& programme) const;
};
struct Institution { std::string org_id, name, region, address; };

bool known_case_state(const std::string& status);
std::optional<ChildRecord> decode_child(const core::Value& data);
std::optional<std::vector<Institution>> decode_institutions(const core::Value& data);
int date_number(const std::string& iso);   // "2026-03-08" -> 20260308; 0 when not a real date
std::string iso_date(int yyyymmdd);        // 20260308 -> "2026-03-08"

class ChildAidService final : public core::Service {
 public:
  explicit ChildAidService(Rules rules) : m_rules(std::move(rules)) {}

  std::string id() const override { return "child_aid"; }
  bool personal() const override { return true; }
  core::ServiceOutcome on_open(const core::ServiceContext& context) override;
  core::Tree build(const core::ServiceContext& context) const override;
  core::ServiceOutcome activate(const std::string& node_id, const core::ServiceContext& context) override;
  core::ServiceOutcome on_reply(const core::Reply& reply, const core::ServiceContext& context) override;
  core::ServiceOutcome back() override;
  void reset() override;

  const Rules& rules() const { return m_rules; }

 private:
  enum class Step { Status, Institution, Summary, Receipt };
  enum class State { Loading, Shown, Failed };
  enum class Asked { None, Record, Institutions, Application };
  core::ServiceOutcome failed(const core::ReplyError& error, const std::string& focus);
  core::ServiceOutcome ask_record(const core::ServiceContext& context);
  core::ServiceOutcome ask_institutions();
  core::ServiceOutcome submit(const core::ServiceContext& context);
  const WindowRule* window_rule(const std::string& id) const;
  core::Tree build_status(const core::ServiceContext& context) const;
  void add_windows(const core::ServiceContext& context, core::Tree& tree) const;
  void add_cases(const core::ServiceContext& context, core::Tree& tree) const;
  core::Tree build_institution(const core::ServiceContext& context) const;
  core::Tree build_summary(const core::ServiceContext& context) const;
  core::Tree build_receipt(const core::ServiceContext& context) const;

  Rules m_rules;
  Step m_step = Step::Status;
  State m_state = State::Loading;
  Asked m_asked = Asked::None;
  ChildRecord m_child;            // this visit only
  std::string m_data_as_of;
  core::Message m_failure;
  std::string m_window;           // the window applied for
  std::vector<Institution> m_institutions;
  std::string m_org;              // the institution chosen
  std::string m_reference;
};

}  // namespace kiosk::services::child_aid
