// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/rehab/rehab_config.h"

#include "kiosk/services/rehab/rehab.h"

namespace kiosk::services::rehab {

std::unique_ptr<core::Service> make_rehab_service(const CountyData& county, const std::vector<std::string>& other_sections,
                                                  SetupErrors& errors) {
  (void)other_sections;
  const auto* address = county.table["dpf_address"].as_table();
  const auto zh = address ? (*address)["zh"].value<std::string>() : std::nullopt;
  const auto en = address ? (*address)["en"].value<std::string>() : std::nullopt;
  // The entitlements loader checks the header in detail; here only what the messages need.
  if (!zh || !en) {
    errors.push_back({county.file, 0, "rehab: the profile needs dpf_address = { zh, en }"});
    return nullptr;
  }
  return std::make_unique<RehabService>(Window{*zh, *en});
}

}  // namespace kiosk::services::rehab
