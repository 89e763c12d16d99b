// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/certificate/certificate_rules.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::services::certificate {

namespace {

constexpr std::array<std::string_view, 17> kCaseStates{
    "draft", "submitted", "accepted", "assessment_booked", "assessed", "public_notice", "county_review",
    "approved", "printing", "ready_for_pickup", "mailed", "issued", "intake_rejected", "not_meeting_standard",
    "appeal_window", "appeal_city", "appeal_province_final"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

bool is_transaction(std::string_view type) { return among(kTransactions, type); }

std::string iso_of(int yyyymmdd) {
  if (yyyymmdd <= 0) return {};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", yyyymmdd / 10000 % 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
  return text;
}

std::string shown_state(bool has_card, const std::string& gateway_state, const std::string& expires_on,
                        const std::string& today, int warning_days) {
  if (!has_card) return "none";
  if (gateway_state != "valid" && gateway_state != "expiring") return gateway_state;
  const long expires = day_number(expires_on);
  const long now = day_number(today);
  if (expires < 0 || now < 0) return gateway_state;
  if (expires < now) return "expired";
  return expires - now <= warning_days ? "expiring" : "valid";
}

std::vector<std::string> offered_transactions(const std::string& state) {
  if (state == "none") return {"new"};
  if (state == "cancelled") return {"new"};
  if (state == "expiring") return {"renew", "replace_lost", "replace_damaged", "transfer", "reclassify", "cancel"};
  if (state == "expired") return {"renew", "cancel"};
  if (state == "lost") return {"replace_lost", "cancel"};
  return {"replace_damaged", "replace_lost", "transfer", "reclassify", "cancel"};
}

bool needs_assessment(std::string_view type) { return type == "new" || type == "reclassify"; }

bool in_progress(std::string_view status) {
  static constexpr std::array<std::string_view, 10> kOnItsWay{
      "submitted", "accepted", "assessment_booked", "assessed", "public_notice", "county_review",
      "approved", "printing", "ready_for_pickup", "appeal_city"};
  return among(kOnItsWay, status);
}

std::string refusal_before_sending(const std::string& type, const std::string& state,
                                   const std::string& cancelled_on, const std::string& today,
                                   const std::vector<CaseOnFile>& cases) {
  if (type == "new") {
    for (const CaseOnFile& on_file : cases)
      if (on_file.type == "new" && in_progress(on_file.status)) return "application_open";
    if (state == "valid" || state == "expiring") return "already_certified";
    const long cancelled = day_number(cancelled_on);
    const long now = day_number(today);
    if (state == "cancelled" && cancelled >= 0 && now >= 0 && now - cancelled < 365) return "cancelled_within_year";
    return {};
  }
  if (state == "none" || state == "cancelled") return "no_card";
  return {};
}

std::string applicant_role(const std::string& relationship) {
  if (relationship.empty()) return "self";
  if (relationship == "guardian" || relationship == "parent") return "guardian";
  return "agent";
}

std::string category_id(long category) {
  static constexpr std::array<const char*, 7> kIds{"vision", "hearing", "speech", "physical",
                                                   "intellectual", "mental", "multiple"};
  return category >= 1 && category <= 7 ? kIds[static_cast<std::size_t>(category - 1)] : "";
}

bool severe(long grade) { return grade == 1 || grade == 2; }

bool is_case_state(std::string_view state) { return among(kCaseStates, state); }

bool is_exit_state(std::string_view state) {
  return state == "intake_rejected" || state == "not_meeting_standard" || state == "appeal_window" ||
         state == "appeal_city" || state == "appeal_province_final";
}

std::string reference_digits(std::string_view reference) {
  std::size_t start = reference.size();
  while (start > 0 && reference[start - 1] >= '0' && reference[start - 1] <= '9') --start;
  return std::string(reference.substr(start));
}

bool is_card_state(std::string_view state) {
  return state == "valid" || state == "expiring" || state == "expired" || state == "lost" || state == "cancelled";
}

bool is_deadline_name(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kNames{"assessment_book_by", "assessment_on", "public_notice_ends",
                                                          "county_review_due", "pick_up_by", "appeal_by",
                                                          "city_decision_due"};
  return among(kNames, name);
}

bool is_exit_reason(std::string_view reason) { return reason == "papers_incomplete" || reason == "below_standard"; }

bool is_generation(std::string_view generation) {
  return generation == "paper" || generation == "smart_card_gen3" || generation == "e_certificate";
}

bool plausible_reference(std::string_view typed) {
  return typed.size() >= 4 && typed.size() <= 16 &&
         std::all_of(typed.begin(), typed.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace kiosk::services::certificate
