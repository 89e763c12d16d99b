// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The services the kiosk can offer, as one static table (the braille driver table is the
// model): adding a service is its folder and one line in service_table.cpp. The hall's
// kiosk.toml says which of them a hall offers, in menu order ([hall] services); the home
// menu is built from that list.
//
// A service reads its county data from the hall's county profile
// (config/deployments/<county>.toml), parsed once at start-up and handed to every
// factory; each service owns some top-level sections of it (county_sections) and checks
// them itself. Factories run on the main thread at start-up; a problem is reported as
// `file:line: message` and stops start-up (exit 2).
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "kiosk/core/flow/service.h"

namespace kiosk::services {

// The hall's county profile, parsed once.
struct CountyData {
  std::string file;        // the path, for messages
  std::string id;          // the county id the hall names (the file's stem), e.g. "houma"
  toml::table table;
};

struct SetupError {
  std::string file;
  std::size_t line = 0;    // 1-based; 0 = the file as a whole
  std::string message;
};
using SetupErrors = std::vector<SetupError>;

// Makes a fresh service from the county data; on a problem, appends to errors and
// returns nullptr. Other services' sections (other_sections) are not its to check.
struct ServiceEntry {
  std::string_view id;                               // home item "home.<id>", messages "<id>.*"
  std::string_view description;                      // for operators and tools
  std::span<const std::string_view> county_sections; // top-level profile keys it owns
  std::unique_ptr<core::Service> (*make)(const CountyData& county, const std::vector<std::string>& other_sections,
                                         SetupErrors& errors);
};

std::span<const ServiceEntry> service_table();
const ServiceEntry* find_service(std::string_view id);

// The county sections every service except `id` owns.
std::vector<std::string> sections_not_of(std::string_view id);

// Makes the services named by ids, in that order; factory problems go to errors. Unknown
// ids are skipped: the hall config's loader reports them with their line.
std::vector<std::unique_ptr<core::Service>> make_services(const std::vector<std::string>& ids, const CountyData& county,
                                                          SetupErrors& errors);

}  // namespace kiosk::services
