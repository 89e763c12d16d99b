// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The rehabilitation service reads only the county profile's header: the federation's
// window (dpf_address), where a resident asks about a service the gateway does not offer
// them. Services, plans and slots come from the gateway. Main thread, start-up only.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/services/service_table.h"

namespace kiosk::services::rehab {

std::unique_ptr<core::Service> make_rehab_service(const CountyData& county, const std::vector<std::string>& other_sections,
                                                  SetupErrors& errors);

}  // namespace kiosk::services::rehab
