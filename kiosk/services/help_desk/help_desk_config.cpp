// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/help_desk/help_desk_config.h"

#include <set>
#include <string_view>

#include "kiosk/services/profile_config.h"

namespace kiosk::services::help_desk {

namespace {

Line read_line(ProfileReader& r, const toml::table& t) {
  constexpr std::string_view kWhere = "[[help_desk.line]]";
  r.check_keys(t, {"id", "number", "name", "note"}, kWhere);
  Line line;
  line.id = r.string(t, "id", kWhere);
  if (!line.id.empty() && !is_identifier(line.id))
    r.error(t.get("id"), "line id \"" + line.id + "\" must be lower-case letters, digits and _");
  line.number = r.string(t, "number", kWhere);
  if (!line.number.empty() && (!all_digits(line.number) || line.number.size() < 3 || line.number.size() > 12))
    r.error(t.get("number"), "number \"" + line.number + "\" must be 3 to 12 digits as dialled");
  line.name = r.text(t, "name", true, kWhere);
  line.note = r.text(t, "note", false, kWhere);
  return line;
}

}  // namespace

HelpDesk read_help_desk(const CountyData& county, SetupErrors& errors) {
  ProfileReader r(county, errors);
  HelpDesk desk;
  const toml::table& root = county.table;
  desk.county = r.text(root, "name", true, "the profile");
  const toml::table* section = r.section("help_desk", "the hotline card: hours, place, [[help_desk.line]]");
  if (!section) return desk;
  constexpr std::string_view kWhere = "[help_desk]";
  r.check_keys(*section, {"hours", "place", "line"}, kWhere);
  desk.hours = r.text(*section, "hours", true, kWhere);
  desk.place = section->get("place") ? r.text(*section, "place", true, kWhere) : r.text(root, "dpf_address", true, "the profile");
  std::set<std::string, std::less<>> ids;
  r.tables(*section, "help_desk", "line", "hotlines", [&](const toml::table& t) {
    Line line = read_line(r, t);
    if (!line.id.empty() && !ids.insert(line.id).second) r.error(t.get("id"), "duplicate line id \"" + line.id + "\"");
    desk.lines.push_back(std::move(line));
  });
  return desk;
}

std::unique_ptr<core::Service> make_help_desk_service(const CountyData& county,
                                                      const std::vector<std::string>& other_sections,
                                                      SetupErrors& errors) {
  (void)other_sections;   // it reads only its own section and two header texts
  return make_from_profile<HelpDeskService>(county, errors, read_help_desk);
}

}  // namespace kiosk::services::help_desk
