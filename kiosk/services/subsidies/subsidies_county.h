// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What differs by county for the two subsidies (config/deployments/<county>.toml,
// [subsidies]; read by subsidies_config.h). Told to the resident, never used to decide:
// who may apply, and why, is the gateway's answer.
#include <map>
#include <string>
#include <vector>

#include "kiosk/services/entitlements/entitlements.h"

namespace kiosk::services::subsidies {

using Text = entitlements::Text;

struct Programme {
  Text name;       // the county's name for it, e.g. 困难残疾人生活补贴
  Text amount;     // the county's amount as told, e.g. 每月122元
  Text widening;   // the county's widening rule; empty = the national rule only
};

struct County {
  Text window;                          // the federation's window (dpf_address)
  std::string hotline;                  // digits as dialled, e.g. 12385
  std::string region_code;              // the hall's county (GB/T 2260), e.g. 141081
  Programme living;                     // living_allowance
  Programme care;                       // care_allowance
  int review_cycle_months = 12;         // 1..60
  int decision_working_days = 45;       // typical, application to decision; 1..365
  Text paying_office;                   // when the gateway names none
  std::vector<Text> documents;          // what the window may ask for
  std::map<std::string, Text> regions;  // routed_to region code -> the county's name

  const Programme& programme(const std::string& id) const { return id == "care_allowance" ? care : living; }
};

}  // namespace kiosk::services::subsidies
