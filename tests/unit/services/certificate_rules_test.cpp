// SPDX-License-Identifier: GPL-3.0-or-later
// The certificate's pure rules (docs/domain.md 3.2): the state told for the county's
// warning window, what is offered from each state, the refusals known before sending, who
// applies, and the words for codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/services/certificate/certificate_rules.h"

namespace cr = kiosk::services::certificate;

TEST(CertificateRules, AValidCardInsideTheWarningWindowIsExpiring) {
  EXPECT_EQ(cr::shown_state(true, "valid", "2026-05-20", "2026-03-07", 90), "expiring");
  EXPECT_EQ(cr::shown_state(true, "valid", "2026-05-20", "2026-03-07", 60), "valid");   // 74 days left
  EXPECT_EQ(cr::shown_state(true, "valid", "2026-06-05", "2026-03-07", 90), "expiring");  // exactly 90 days
  EXPECT_EQ(cr::shown_state(true, "valid", "2026-06-06", "2026-03-07", 90), "valid");
  // The gateway's "expiring" under a shorter county window is valid; a past expiry is expired.
  EXPECT_EQ(cr::shown_state(true, "expiring", "2026-05-20", "2026-03-07", 30), "valid");
  EXPECT_EQ(cr::shown_state(true, "valid", "2025-12-31", "2026-03-07", 90), "expired");
  EXPECT_EQ(cr::shown_state(true, "lost", "2030-06-30", "2026-03-07", 90), "lost");
  EXPECT_EQ(cr::shown_state(true, "cancelled", "2030-06-30", "2026-03-07", 90), "cancelled");
  EXPECT_EQ(cr::shown_state(false, "", "", "2026-03-07", 90), "none");
  // A malformed date keeps the gateway's word.
  EXPECT_EQ(cr::shown_state(true, "valid", "2026-13-01", "2026-03-07", 90), "valid");
}

TEST(CertificateRules, EachStateOffersItsMostLikelyTransactionFirst) {
  EXPECT_EQ(cr::offered_transactions("expiring").front(), "renew");
  EXPECT_EQ(cr::offered_transactions("expired").front(), "renew");
  EXPECT_EQ(cr::offered_transactions("lost").front(), "replace_lost");
  EXPECT_EQ(cr::offered_transactions("none"), std::vector<std::string>{"new"});
  EXPECT_EQ(cr::offered_transactions("cancelled"), std::vector<std::string>{"new"});
  const auto valid = cr::offered_transactions("valid");
  EXPECT_EQ(std::count(valid.begin(), valid.end(), "renew"), 0);
  EXPECT_EQ(std::count(valid.begin(), valid.end(), "new"), 0);
  // Every transaction is reachable from some state.
  for (std::string_view type : cr::kTransactions) {
    bool offered = false;
    for (const char* state : {"none", "valid", "expiring", "expired", "lost", "cancelled"}) {
      const auto list = cr::offered_transactions(state);
      offered = offered || std::find(list.begin(), list.end(), type) != list.end();
    }
    EXPECT_TRUE(offered) << type;
  }
}

TEST(CertificateRules, TheFederationsRulesAreKnownBeforeSending) {
  EXPECT_EQ(cr::refusal_before_sending("new", "cancelled", "2025-08-01", "2026-03-07"), "cancelled_within_year");
  EXPECT_EQ(cr::refusal_before_sending("new", "cancelled", "2025-03-06", "2026-03-07"), "");   // 366 days
  EXPECT_EQ(cr::refusal_before_sending("new", "valid", "", "2026-03-07"), "already_certified");
  EXPECT_EQ(cr::refusal_before_sending("new", "expiring", "", "2026-03-07"), "already_certified");
  EXPECT_EQ(cr::refusal_before_sending("new", "none", "", "2026-03-07"), "");
  EXPECT_EQ(cr::refusal_before_sending("renew", "none", "", "2026-03-07"), "no_card");
  // One new-card application at a time: a second waits until the first is over.
  for (const char* status : {"submitted", "accepted", "assessment_booked", "public_notice", "ready_for_pickup", "appeal_city"})
    EXPECT_EQ(cr::refusal_before_sending("new", "none", "", "2026-03-07", {{"new", status}}), "application_open") << status;
  for (const char* status : {"intake_rejected", "not_meeting_standard", "appeal_window", "appeal_province_final", "issued"})
    EXPECT_EQ(cr::refusal_before_sending("new", "none", "", "2026-03-07", {{"new", status}}), "") << status;
  EXPECT_EQ(cr::refusal_before_sending("new", "none", "", "2026-03-07", {{"reclassify", "accepted"}}), "");
  EXPECT_EQ(cr::refusal_before_sending("renew", "expiring", "", "2026-03-07"), "");
  EXPECT_TRUE(cr::needs_assessment("new"));
  EXPECT_TRUE(cr::needs_assessment("reclassify"));
  EXPECT_FALSE(cr::needs_assessment("renew"));
}

TEST(CertificateRules, WhoAppliesComesFromTheVisit) {
  EXPECT_EQ(cr::applicant_role(""), "self");
  EXPECT_EQ(cr::applicant_role("guardian"), "guardian");
  EXPECT_EQ(cr::applicant_role("parent"), "guardian");
  EXPECT_EQ(cr::applicant_role("village_officer"), "agent");
  EXPECT_EQ(cr::applicant_role("spouse"), "agent");
}

TEST(CertificateRules, CodesAndDates) {
  EXPECT_EQ(cr::category_id(4), "physical");
  EXPECT_EQ(cr::category_id(6), "mental");
  EXPECT_EQ(cr::category_id(0), "");
  EXPECT_EQ(cr::category_id(8), "");
  EXPECT_TRUE(cr::severe(1));
  EXPECT_TRUE(cr::severe(2));
  EXPECT_FALSE(cr::severe(3));
  EXPECT_EQ(cr::day_number("1970-01-01"), 0);
  EXPECT_EQ(cr::day_number("2026-03-08") - cr::day_number("2026-02-28"), 8);
  EXPECT_EQ(cr::day_number("2026-3-8"), -1);
  EXPECT_EQ(cr::iso_of(20260308), "2026-03-08");
  EXPECT_EQ(cr::iso_of(0), "");
  EXPECT_TRUE(cr::is_exit_state("appeal_city"));
  EXPECT_FALSE(cr::is_exit_state("issued"));
  EXPECT_TRUE(cr::is_case_state("ready_for_pickup"));
  EXPECT_FALSE(cr::is_case_state("lost"));
  EXPECT_EQ(cr::reference_digits("demo-01-000001"), "000001");
  EXPECT_EQ(cr::reference_digits("CA-2026-000102"), "000102");
  EXPECT_EQ(cr::reference_digits("abc"), "");
  EXPECT_TRUE(cr::plausible_reference("000102"));
  EXPECT_FALSE(cr::plausible_reference("102"));
  EXPECT_FALSE(cr::plausible_reference("CA-2026"));
}
