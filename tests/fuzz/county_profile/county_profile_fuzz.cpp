// SPDX-License-Identifier: GPL-3.0-or-later
// County profiles (config/deployments/<county>.toml) are edited by each federation: any
// text gives the services or `file:line: problem` errors from each service's loader
// (kiosk/services/service_table.h), never a crash.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "kiosk/services/service_table.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  toml::table table;
  try {
    table = toml::parse(text, std::string_view("fuzz.toml"));
  } catch (const toml::parse_error&) {
    return 0;   // the loader reports it as file:line: problem
  }
  std::vector<std::string> ids;
  for (const auto& entry : kiosk::services::service_table()) ids.emplace_back(entry.id);
  const kiosk::services::CountyData county{"fuzz.toml", "fuzz", std::move(table)};
  kiosk::services::SetupErrors errors;
  const auto made = kiosk::services::make_services(ids, county, errors);
  for (const auto& e : errors) {
    if (e.message.empty()) std::abort();
  }
  if (errors.empty() && made.size() != ids.size()) std::abort();
  return 0;
}
