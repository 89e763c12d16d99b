// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The identity service's outcomes that also tell the resident something: an alert, or a
// field error (C1: shown at the field, focus there). Shared by its steps and its replies.
#include <string>
#include <utility>

#include "kiosk/core/flow/service.h"

namespace kiosk::services::identity {

inline core::ServiceOutcome with_alert(core::ServiceOutcome outcome, core::Alert alert) {
  outcome.alert = std::move(alert);
  return outcome;
}

inline core::ServiceOutcome with_alert(core::ServiceOutcome outcome, std::string code, core::Message text,
                                       core::Privacy privacy = core::Privacy::Public) {
  return with_alert(std::move(outcome), core::Alert{std::move(code), std::move(text), privacy});
}

inline core::ServiceOutcome field_error(const std::string& field_id, core::Alert alert) {
  core::ServiceOutcome outcome =
      with_alert(core::ServiceOutcome::of(core::ServiceOutcome::Kind::Rebuild, field_id), std::move(alert));
  outcome.error_field = field_id;
  return outcome;
}

inline core::ServiceOutcome field_error(const std::string& field_id, std::string code, core::Message text) {
  return field_error(field_id, core::Alert{std::move(code), std::move(text), core::Privacy::Public});
}

}  // namespace kiosk::services::identity
