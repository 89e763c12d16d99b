// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The disability certificate's rules the kiosk applies itself (docs/domain.md 3.2): what a
// card's state is called given the county's warning window, what a resident may do next
// from that state (an expiring card offers renewal first), which transactions need an
// assessment, the federation's refusals known before sending (the gateway applies them
// again), who applies from the visit, and plain words for codes. Pure functions, any
// thread; dates are "YYYY-MM-DD" (the hall's calendar), no time zones.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/calendar.h"

namespace kiosk::services::certificate {

// The seven transactions, in the order a menu lists them.
inline constexpr std::array<std::string_view, 7> kTransactions{
    "new", "renew", "replace_lost", "replace_damaged", "transfer", "cancel", "reclassify"};
bool is_transaction(std::string_view type);

// Days from 1970-01-01 of "YYYY-MM-DD" (its first 10 characters); -1 when malformed.
using core::day_number;
// YYYYMMDD (ServiceContext::today) → "YYYY-MM-DD"; "" for 0.
std::string iso_of(int yyyymmdd);

// The state to tell: the gateway's (valid, expiring, expired, lost, cancelled), except that
// a valid card inside the county's warning window (days before expires_on, inclusive) is
// "expiring" and a card past its expiry is "expired". "none" without a card (has_card false).
std::string shown_state(bool has_card, const std::string& gateway_state, const std::string& expires_on,
                        const std::string& today, int warning_days);

// What the resident can do next from the shown state, most likely first.
std::vector<std::string> offered_transactions(const std::string& state);

// new and reclassify need an assessment before the application is sent.
bool needs_assessment(std::string_view type);

// A case still on its way: from submitted to ready_for_pickup, or on appeal to the city.
// Turned back, not meeting the standard, issued or mailed, it is over.
bool in_progress(std::string_view status);

// One of the resident's applications on file, as the status answer lists it.
struct CaseOnFile {
  std::string type;
  std::string status;
};

// The federation's rules the kiosk knows before sending: "application_open" (a new card
// applied for and still in progress: a second would mean a second assessment), "cancelled_within_year"
// (no new card within a year of cancelling one), "already_certified" (a new card over a
// valid or expiring one), "no_card" (every transaction but new needs a card), "" when none
// applies.
std::string refusal_before_sending(const std::string& type, const std::string& state,
                                   const std::string& cancelled_on, const std::string& today,
                                   const std::vector<CaseOnFile>& cases = {});

// Who applies, from the visit's relationship: "" → self; guardian or parent → guardian;
// any other relationship → agent.
std::string applicant_role(const std::string& relationship);

// Category 1..7 → vision, hearing, speech, physical, intellectual, mental, multiple; "" else.
std::string category_id(long category);
// Grades 1 and 2 are 重度 (severe).
bool severe(long grade);

// The states a case can be in and the ones that end it badly (docs/domain.md 3.2).
bool is_case_state(std::string_view state);
bool is_exit_state(std::string_view state);

// The digits a resident types to find a case again from a receipt's reference: its last run
// of digits ("000001" for demo-01-000001).
std::string reference_digits(std::string_view reference);

// The names of the answers' parts the kiosk has words for; anything else is not shown
// (deadlines) or told generally (exit reasons, generation).
bool is_card_state(std::string_view state);            // valid expiring expired lost cancelled
bool is_deadline_name(std::string_view name);          // assessment_book_by ... city_decision_due
bool is_exit_reason(std::string_view reason);          // papers_incomplete, below_standard
bool is_generation(std::string_view generation);       // paper, smart_card_gen3, e_certificate

// A reference the resident typed: digits only, 4 to 16 of them.
bool plausible_reference(std::string_view typed);

}  // namespace kiosk::services::certificate
