// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the children's rehabilitation aid rules of the county profiles:
//
//   [child_aid]
//   warn_months        = 6        0-24: warn this many months before a child ages out
//   review_notice_days = 60       0-366: remind of the yearly review this many days before
//   [[child_aid.window]]          one or more: the county's age windows
//   id        = "rescue"          the gateway's programme code (rescue, community, home); unique
//   name      = { zh = "...", en = "..." }
//   from_age  = 0                 whole years, 0-17
//   to_age    = 6                 whole years, from_age-17
//   upper     = "inclusive"       "inclusive": a child of to_age years is still in; "exclusive": not
//   before_ageing_out = { zh = "...", en = "..." }   what to do before the child ages out
//
// The rules of the county the gateway names for a child apply, which may not be the hall's
// (a child with hukou in one county who lives in another): so besides the hall's profile,
// the [child_aid] sections of the other profiles in its folder (the province's counties,
// shipped together) are read too, keyed by their region_code. Every problem is reported
// with its file and line (start-up stops, exit 2). Main thread, start-up only.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/services/child_aid/child_aid.h"
#include "kiosk/services/service_table.h"

namespace kiosk::services::child_aid {

// One profile's rules; `required`: a missing section is an error (the hall's profile).
std::optional<CountyRules> read_county_rules(const std::string& file, const toml::table& profile, bool required,
                                             SetupErrors& errors);
// The hall's rules first, then the other profiles' beside it.
Rules read_rules(const CountyData& county, SetupErrors& errors);

std::unique_ptr<core::Service> make_child_aid_service(const CountyData& county, const std::vector<std::string>& other_sections,
                                                      SetupErrors& errors);

}  // namespace kiosk::services::child_aid
