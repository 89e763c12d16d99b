// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/child_aid/child_aid_config.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "kiosk/services/profile_config.h"

namespace kiosk::services::child_aid {

namespace fs = std::filesystem;

namespace {

std::optional<WindowRule> read_window(ProfileReader& r, const toml::table& t) {
  constexpr std::string_view kWhere = "[[child_aid.window]]";
  r.check_keys(t, {"id", "name", "from_age", "to_age", "upper", "before_ageing_out"}, kWhere);
  WindowRule rule;
  rule.window.id = r.identifier(t, "id", kWhere);
  rule.name = r.text(t, "name", true, kWhere);
  rule.window.from_age = static_cast<int>(r.integer_or(t, "from_age", 0, 17, kWhere));
  rule.window.to_age = static_cast<int>(r.integer_or(t, "to_age", rule.window.from_age, 17, kWhere));
  const toml::node* upper = t.get("upper");
  const auto bound = upper ? upper->value<std::string>() : std::nullopt;
  if (bound != "inclusive" && bound != "exclusive")
    r.error(upper ? upper : &t, "upper in [[child_aid.window]] must be \"inclusive\" or \"exclusive\"");
  rule.window.inclusive = bound != "exclusive";
  if (!rule.window.inclusive && rule.window.to_age == rule.window.from_age)
    r.error(upper, "an exclusive window needs to_age above from_age (it would hold no day)");
  rule.before_ageing_out = r.text(t, "before_ageing_out", true, kWhere);
  return rule;
}

}  // namespace

std::optional<CountyRules> read_county_rules(const std::string& file, const toml::table& profile, bool required,
                                             SetupErrors& errors) {
  ProfileReader r(file, profile, errors);
  const std::size_t before = errors.size();
  // Another county's profile without the section: its rules are not known here.
  if (!required && !profile.get("child_aid")) return std::nullopt;
  const toml::table* section = r.section("child_aid", "the age windows: [[child_aid.window]] tables");
  if (!section) return std::nullopt;
  CountyRules rules;
  const auto region = profile["region_code"].value<std::string>();
  if (!region || region->size() != 6 || !all_digits(*region))
    r.error(profile.get("region_code"), "child_aid: the profile needs region_code = \"<6 digits>\"");
  rules.region = region.value_or("");
  rules.county = r.text(profile, "name", true, "the profile");
  r.check_keys(*section, {"warn_months", "review_notice_days", "window"}, "[child_aid]");
  rules.warn_months = static_cast<int>(r.integer_or(*section, "warn_months", 0, 24, "[child_aid]"));
  rules.review_notice_days = static_cast<int>(r.integer_or(*section, "review_notice_days", 0, 366, "[child_aid]", 60));
  std::set<std::string, std::less<>> ids;
  r.tables(*section, "child_aid", "window", "age windows", [&](const toml::table& t) {
    auto rule = read_window(r, t);
    if (!rule->window.id.empty() && !ids.insert(rule->window.id).second)
      r.error(t.get("id"), "duplicate window id \"" + rule->window.id + "\"");
    rules.windows.push_back(std::move(*rule));
  });
  if (errors.size() != before) return std::nullopt;   // an empty list is one of them
  return rules;
}

Rules read_rules(const CountyData& county, SetupErrors& errors) {
  Rules rules;
  if (auto own = read_county_rules(county.file, county.table, true, errors)) {
    rules.home_region = own->region;
    rules.counties.push_back(std::move(*own));
  }
  std::error_code ec;
  const fs::path self = fs::path(county.file);
  std::vector<fs::path> others;
  if (self.parent_path().empty()) return rules;   // a profile given alone (tests): only its rules
  for (const auto& entry : fs::directory_iterator(self.parent_path(), ec))
    if (entry.path().extension() == ".toml" && !fs::equivalent(entry.path(), self, ec)) others.push_back(entry.path());
  std::sort(others.begin(), others.end());
  for (const fs::path& file : others) {
    toml::table table;
#if TOML_EXCEPTIONS
    try {
      table = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
      errors.push_back({file.string(), e.source().begin.line, "TOML syntax: " + std::string(e.description())});
      continue;
    }
#else
    toml::parse_result parsed = toml::parse_file(file.string());
    if (!parsed) {
      errors.push_back({file.string(), parsed.error().source().begin.line, "TOML syntax: " + std::string(parsed.error().description())});
      continue;
    }
    table = std::move(parsed).table();
#endif
    auto other = read_county_rules(file.string(), table, false, errors);
    if (other && !rules.find(other->region)) rules.counties.push_back(std::move(*other));
  }
  return rules;
}

std::unique_ptr<core::Service> make_child_aid_service(const CountyData& county, const std::vector<std::string>& other_sections,
                                                      SetupErrors& errors) {
  (void)other_sections;   // it reads only its own section (here and in the other profiles)
  return make_from_profile<ChildAidService>(county, errors, read_rules);
}

}  // namespace kiosk::services::child_aid
