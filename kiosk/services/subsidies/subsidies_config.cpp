// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/subsidies/subsidies_config.h"

#include "kiosk/services/subsidies/subsidies.h"

namespace kiosk::services::subsidies {

std::unique_ptr<core::Service> make_subsidies_service(const CountyData& county,
                                                      const std::vector<std::string>& other_sections,
                                                      SetupErrors& errors) {
  (void)other_sections;
  CountyContacts contacts;
  const auto* address = county.table["dpf_address"].as_table();
  const auto zh = address ? (*address)["zh"].value<std::string>() : std::nullopt;
  const auto en = address ? (*address)["en"].value<std::string>() : std::nullopt;
  const auto hotline = county.table["hotline"].value<std::string>();
  // The entitlements loader checks the header in detail; here only what the messages need.
  if (!zh || !en || !hotline) {
    errors.push_back({county.file, 0, "subsidies: the profile needs dpf_address = { zh, en } and hotline"});
    return nullptr;
  }
  contacts.window = Text{*zh, *en};
  contacts.hotline = *hotline;
  return std::make_unique<SubsidiesService>(std::move(contacts));
}

}  // namespace kiosk::services::subsidies
