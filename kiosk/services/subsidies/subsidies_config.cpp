// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/subsidies/subsidies_config.h"

#include "kiosk/services/profile_config.h"
#include "kiosk/services/subsidies/subsidies.h"

namespace kiosk::services::subsidies {

namespace {

Programme read_programme(ProfileReader& r, const toml::table& section, std::string_view id) {
  const std::string where = "[subsidies." + std::string(id) + "]";
  const toml::node* node = section.get(id);
  const toml::table* t = node ? node->as_table() : nullptr;
  if (!t) {
    r.error(node ? node : &section, "missing " + where + " table (name, amount, optional widening)");
    return {};
  }
  r.check_keys(*t, {"name", "amount", "widening"}, where);
  return Programme{r.text(*t, "name", true, where), r.text(*t, "amount", true, where), r.text(*t, "widening", false, where)};
}

std::map<std::string, Text> read_regions(ProfileReader& r, const toml::table& section) {
  std::map<std::string, Text> out;
  const toml::node* node = section.get("regions");
  if (!node) return out;
  const toml::table* t = node->as_table();
  if (!t) {
    r.error(node, "[subsidies.regions] must be a table of \"region code\" = { zh, en }");
    return out;
  }
  for (auto&& [key, value] : *t) {
    const std::string code(key.str());
    if (code.size() != 6 || !all_digits(code)) r.error(&value, "region code \"" + code + "\" must be six digits (GB/T 2260)");
    if (Text name = r.text(*t, code, true, "[subsidies.regions]"); !name.zh.empty()) out.emplace(code, std::move(name));
  }
  return out;
}

}  // namespace

County read_subsidies_county(const CountyData& county, SetupErrors& errors) {
  ProfileReader r(county, errors);
  County out;
  out.window = r.text(r.root(), "dpf_address", true, "the profile");
  out.hotline = r.string(r.root(), "hotline", "the profile");
  out.region_code = r.string(r.root(), "region_code", "the profile");
  const toml::table* section = r.section("subsidies", "the two subsidies: names, amounts, review cycle, documents");
  if (!section) return out;
  constexpr std::string_view kWhere = "[subsidies]";
  r.check_keys(*section, {"review_cycle_months", "decision_working_days", "paying_office", "documents",
                          "living_allowance", "care_allowance", "regions"}, kWhere);
  out.review_cycle_months = static_cast<int>(r.integer(*section, "review_cycle_months", 1, 60, kWhere).value_or(12));
  out.decision_working_days = static_cast<int>(r.integer(*section, "decision_working_days", 1, 365, kWhere).value_or(45));
  out.paying_office = r.text(*section, "paying_office", true, kWhere);
  out.documents = r.texts(*section, "documents", kWhere);
  out.living = read_programme(r, *section, "living_allowance");
  out.care = read_programme(r, *section, "care_allowance");
  out.regions = read_regions(r, *section);
  return out;
}

std::unique_ptr<core::Service> make_subsidies_service(const CountyData& county,
                                                      const std::vector<std::string>& other_sections,
                                                      SetupErrors& errors) {
  (void)other_sections;   // it reads only its own section and two header texts
  return make_from_profile<SubsidiesService>(county, errors, read_subsidies_county);
}

}  // namespace kiosk::services::subsidies
