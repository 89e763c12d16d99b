// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The entitlements guide as screens (docs/domain.md 3.8): an intro, five questions that can
// each be skipped (category, grade, age band, dibao, hukou), and the county profile's
// entries for the answers, with where to claim and what to bring. Read-only: nothing
// is submitted, and the answers are dropped when the session ends.
#include <string>

#include "kiosk/core/flow/flow.h"
#include "kiosk/core/flow/service.h"
#include "kiosk/services/entitlements/entitlements.h"

namespace kiosk::services::entitlements {

class GuideService final : public core::Service {
 public:
  explicit GuideService(CountyProfile profile);   // the service keeps its own copy

  std::string id() const override { return "entitlements"; }
  void start() override;
  core::Tree build(const core::ServiceContext& context) const override;
  core::ServiceOutcome activate(const std::string& node_id, const core::ServiceContext& context) override;
  core::ServiceOutcome back() override;
  void reset() override;

  Answers answers() const;   // the flow's answers as the rules engine wants them

 private:
  core::Tree build_intro(const core::ServiceContext& context) const;
  core::Tree build_question(const std::string& step) const;
  core::Tree build_result(const core::ServiceContext& context) const;

  CountyProfile m_profile;
  core::Flow m_flow;
  bool m_intro = true;
};

}  // namespace kiosk::services::entitlements
