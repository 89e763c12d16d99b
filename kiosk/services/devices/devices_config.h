// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the county's assistive-device catalogue from its profile:
//
//   [[devices.item]]                          one or more, shown in file order
//   code        = "wheelchair_standard"       the gateway's device code; unique
//   name        = { zh = "...", en = "..." }
//   subsidy_fen = 80000                       the subsidy standard (cap), fen, 0-100000000
//   life_years  = 4                           service life, 1-30: no new one within it
//   rental      = true                        optional, default false: may be rented
//   repair      = true                        optional, default true: repairs are subsidised
//
// Every problem is reported with its line (start-up stops, exit 2). Main thread.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/services/devices/devices.h"
#include "kiosk/services/service_table.h"

namespace kiosk::services::devices {

Catalogue read_catalogue(const CountyData& county, SetupErrors& errors);

std::unique_ptr<core::Service> make_devices_service(const CountyData& county, const std::vector<std::string>& other_sections,
                                                    SetupErrors& errors);

}  // namespace kiosk::services::devices
