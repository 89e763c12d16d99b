// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the hotline card's section of the county profile:
//
//   [help_desk]
//   hours = { zh = "...", en = "..." }     required: the window's opening hours
//   place = { zh = "...", en = "..." }     optional: default the profile's dpf_address
//   [[help_desk.line]]                      one or more, shown in file order
//   id     = "dpf"                          lower-case letters, digits, _; unique
//   number = "12385"                        digits as dialled, 3 to 12
//   name   = { zh = "...", en = "..." }
//   note   = { zh = "...", en = "..." }     optional, e.g. when it is answered
//
// Every problem is reported with its line. Main thread, start-up only.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/services/help_desk/help_desk.h"
#include "kiosk/services/service_table.h"

namespace kiosk::services::help_desk {

// The card from a parsed profile; every problem goes to errors with its line.
HelpDesk read_help_desk(const CountyData& county, SetupErrors& errors);

std::unique_ptr<core::Service> make_help_desk_service(const CountyData& county,
                                                      const std::vector<std::string>& other_sections,
                                                      SetupErrors& errors);

}  // namespace kiosk::services::help_desk
