// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/devices/devices_config.h"

#include <set>

#include "kiosk/services/profile_config.h"

namespace kiosk::services::devices {

Catalogue read_catalogue(const CountyData& county, SetupErrors& errors) {
  ProfileReader r(county, errors);
  Catalogue catalogue;
  const toml::table* section = r.section("devices", "the assistive-device catalogue: [[devices.item]] tables");
  if (!section) return catalogue;
  r.check_keys(*section, {"item"}, "[devices]");
  constexpr std::string_view kWhere = "[[devices.item]]";
  std::set<std::string, std::less<>> codes;
  r.tables(*section, "devices", "item", "devices", [&](const toml::table& t) {
    r.check_keys(t, {"code", "name", "subsidy_fen", "life_years", "rental", "repair"}, kWhere);
    Device d;
    d.code = r.identifier(t, "code", kWhere);
    if (!d.code.empty() && !codes.insert(d.code).second) r.error(t.get("code"), "duplicate device code \"" + d.code + "\"");
    d.name = r.text(t, "name", true, kWhere);
    d.subsidy_fen = r.integer_or(t, "subsidy_fen", 0, 100'000'000, kWhere);
    d.life_years = static_cast<int>(r.integer_or(t, "life_years", 1, 30, kWhere));
    d.rental = r.boolean(t, "rental", kWhere, false);
    d.repair = r.boolean(t, "repair", kWhere, true);
    catalogue.devices.push_back(std::move(d));
  });
  return catalogue;
}

std::unique_ptr<core::Service> make_devices_service(const CountyData& county, const std::vector<std::string>& other_sections,
                                                    SetupErrors& errors) {
  (void)other_sections;   // it reads only its own section
  return make_from_profile<DevicesService>(county, errors, read_catalogue);
}

}  // namespace kiosk::services::devices
