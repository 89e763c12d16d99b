// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the two subsidies' section of the county profile (format and rules in
// config/deployments/README.md, "[subsidies]") plus the header's window and hotline.
// Every problem is reported with its line. Main thread, start-up only.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/services/service_table.h"
#include "kiosk/services/subsidies/subsidies_county.h"

namespace kiosk::services::subsidies {

County read_subsidies_county(const CountyData& county, SetupErrors& errors);

std::unique_ptr<core::Service> make_subsidies_service(const CountyData& county,
                                                      const std::vector<std::string>& other_sections,
                                                      SetupErrors& errors);

}  // namespace kiosk::services::subsidies
