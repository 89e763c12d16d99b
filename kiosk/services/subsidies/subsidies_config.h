// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The subsidies service reads only the county profile's header: the federation's window
// (dpf_address) and the hotline, for "what to do next". The programmes, amounts and
// states come from the gateway. Main thread, start-up only.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/services/service_table.h"

namespace kiosk::services::subsidies {

std::unique_ptr<core::Service> make_subsidies_service(const CountyData& county,
                                                      const std::vector<std::string>& other_sections,
                                                      SetupErrors& errors);

}  // namespace kiosk::services::subsidies
