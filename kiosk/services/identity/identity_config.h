// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The identity service needs nothing from the county profile: the gateway holds the
// residents, their phones and the agents' records. Main thread, start-up only.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/services/service_table.h"

namespace kiosk::services::identity {

std::unique_ptr<core::Service> make_identity_service(const CountyData& county,
                                                     const std::vector<std::string>& other_sections,
                                                     SetupErrors& errors);

}  // namespace kiosk::services::identity
