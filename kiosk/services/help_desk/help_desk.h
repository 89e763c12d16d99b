// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The hotline and help-desk card (docs/domain.md 3.7's "Shows"): the county's hotlines
// (12385 for disabled persons, 12345 for the government), the federation window's place
// and opening hours, from the hall's county profile. One read-only screen; nothing
// personal, nothing submitted. Numbers are written as dialled after a word such as 热线,
// so the speech normaliser reads them digit by digit.
#include <string>
#include <vector>

#include "kiosk/core/flow/service.h"
#include "kiosk/services/entitlements/entitlements.h"

namespace kiosk::services::help_desk {

using Text = entitlements::Text;   // zh and en, as every county text

struct Line {
  std::string id;        // e.g. "dpf", "government"
  std::string number;    // digits as dialled, e.g. "12385"
  Text name;             // e.g. 残疾人服务热线
  Text note;             // optional, e.g. when it is answered; empty = none
};

struct HelpDesk {
  Text county;           // the county's name, from the profile's header
  std::vector<Line> lines;
  Text place;            // the federation's window
  Text hours;            // opening hours
};

class HelpDeskService final : public core::Service {
 public:
  explicit HelpDeskService(HelpDesk desk) : m_desk(std::move(desk)) {}

  std::string id() const override { return "help_desk"; }
  void start() override {}
  core::Tree build(const core::ServiceContext& context) const override;
  core::ServiceOutcome activate(const std::string& node_id, const core::ServiceContext& context) override;
  core::ServiceOutcome back() override { return core::ServiceOutcome::of(core::ServiceOutcome::Kind::Leave); }
  void reset() override {}

 private:
  HelpDesk m_desk;
};

}  // namespace kiosk::services::help_desk
