// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/devices/devices_config.h"

#include <set>

#include "kiosk/services/devices/section_reader.h"

namespace kiosk::services::devices {

Catalogue read_catalogue(const CountyData& county, SetupErrors& errors) {
  SectionReader r(county.file, errors);
  Catalogue catalogue;
  const toml::node* section_node = county.table.get("devices");
  const toml::table* section = section_node ? section_node->as_table() : nullptr;
  if (!section) {
    r.error(section_node, "missing [devices] section (the assistive-device catalogue: [[devices.item]] tables)");
    return catalogue;
  }
  r.check_keys(*section, {"item"}, "[devices]");
  const toml::array* items = (*section)["item"].as_array();
  if (!items || items->empty()) {
    r.error(section, "[devices] lists no devices (add [[devices.item]] tables)");
    return catalogue;
  }
  constexpr std::string_view kWhere = "[[devices.item]]";
  std::set<std::string, std::less<>> codes;
  for (const toml::node& node : *items) {
    const toml::table* t = node.as_table();
    if (!t) {
      r.error(&node, "every devices.item must be a table");
      continue;
    }
    r.check_keys(*t, {"code", "name", "subsidy_fen", "life_years", "rental", "repair"}, kWhere);
    Device d;
    d.code = r.identifier(*t, "code", kWhere);
    if (!d.code.empty() && !codes.insert(d.code).second) r.error(t->get("code"), "duplicate device code \"" + d.code + "\"");
    d.name = r.text(*t, "name", kWhere);
    d.subsidy_fen = r.integer(*t, "subsidy_fen", 0, 100'000'000, kWhere);
    d.life_years = static_cast<int>(r.integer(*t, "life_years", 1, 30, kWhere));
    d.rental = r.boolean(*t, "rental", kWhere, false);
    d.repair = r.boolean(*t, "repair", kWhere, true);
    catalogue.devices.push_back(std::move(d));
  }
  return catalogue;
}

std::unique_ptr<core::Service> make_devices_service(const CountyData& county, const std::vector<std::string>& other_sections,
                                                    SetupErrors& errors) {
  (void)other_sections;   // it reads only its own section
  const std::size_t before = errors.size();
  Catalogue catalogue = read_catalogue(county, errors);
  if (errors.size() != before) return nullptr;
  return std::make_unique<DevicesService>(std::move(catalogue));
}

}  // namespace kiosk::services::devices
