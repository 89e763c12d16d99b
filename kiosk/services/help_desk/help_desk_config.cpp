// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/help_desk/help_desk_config.h"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string_view>

namespace kiosk::services::help_desk {

namespace {

std::size_t line_of(const toml::node& node) { return std::max<std::size_t>(1, node.source().begin.line); }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_identifier(std::string_view s) {
  return !s.empty() && s.front() >= 'a' && s.front() <= 'z' &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

class Reader {
 public:
  Reader(const CountyData& county, SetupErrors& errors) : m_county(county), m_errors(errors) {}

  void error(const toml::node* node, std::string message) {
    m_errors.push_back({m_county.file, node ? line_of(*node) : 0, std::move(message)});
  }

  void check_keys(const toml::table& table, std::initializer_list<std::string_view> allowed, std::string_view where) {
    for (auto&& [key, node] : table)
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end())
        error(&node, "unknown key \"" + std::string(key.str()) + "\" in " + std::string(where));
  }

  // { zh = "...", en = "..." }, both non-empty. Missing and not required: empty Text.
  Text text(const toml::table& table, std::string_view key, bool required, std::string_view where) {
    const toml::node* node = table.get(key);
    if (!node) {
      if (required) error(&table, "missing " + std::string(key) + " = { zh = \"...\", en = \"...\" } in " + std::string(where));
      return {};
    }
    const toml::table* t = node->as_table();
    const auto zh = t ? (*t)["zh"].value<std::string>() : std::nullopt;
    const auto en = t ? (*t)["en"].value<std::string>() : std::nullopt;
    if (!t || !zh || !en || zh->empty() || en->empty() || t->size() != 2) {
      error(node, std::string(key) + " in " + std::string(where) + " must be { zh = \"...\", en = \"...\" }, both non-empty");
      return {};
    }
    return Text{*zh, *en};
  }

  std::string string(const toml::table& table, std::string_view key, std::string_view where) {
    const toml::node* node = table.get(key);
    const auto value = node ? node->value<std::string>() : std::nullopt;
    if (!value) error(node ? node : &table, "missing or non-text " + std::string(key) + " in " + std::string(where));
    return value.value_or("");
  }

 private:
  const CountyData& m_county;
  SetupErrors& m_errors;
};

Line read_line(Reader& r, const toml::table& t) {
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
  Reader r(county, errors);
  HelpDesk desk;
  const toml::table& root = county.table;
  desk.county = r.text(root, "name", true, "the profile");
  const toml::table* section = root["help_desk"].as_table();
  if (!section) {
    errors.push_back({county.file, root.get("help_desk") ? line_of(*root.get("help_desk")) : 0,
                      "missing [help_desk] table (the hotline card: hours, place, [[help_desk.line]])"});
    return desk;
  }
  constexpr std::string_view kWhere = "[help_desk]";
  r.check_keys(*section, {"hours", "place", "line"}, kWhere);
  desk.hours = r.text(*section, "hours", true, kWhere);
  desk.place = section->get("place") ? r.text(*section, "place", true, kWhere) : r.text(root, "dpf_address", true, "the profile");
  const toml::array* lines = (*section)["line"].as_array();
  if (!lines || lines->empty()) {
    r.error(section, "[help_desk] lists no hotlines (add [[help_desk.line]] tables)");
    return desk;
  }
  std::set<std::string, std::less<>> ids;
  for (const toml::node& node : *lines) {
    const toml::table* t = node.as_table();
    if (!t) {
      r.error(&node, "every help_desk.line must be a table");
      continue;
    }
    Line line = read_line(r, *t);
    if (!line.id.empty() && !ids.insert(line.id).second) r.error(t->get("id"), "duplicate line id \"" + line.id + "\"");
    desk.lines.push_back(std::move(line));
  }
  return desk;
}

std::unique_ptr<core::Service> make_help_desk_service(const CountyData& county,
                                                      const std::vector<std::string>& other_sections,
                                                      SetupErrors& errors) {
  (void)other_sections;   // it reads only its own section and two header texts
  const std::size_t before = errors.size();
  HelpDesk desk = read_help_desk(county, errors);
  if (errors.size() != before) return nullptr;
  return std::make_unique<HelpDeskService>(std::move(desk));
}

}  // namespace kiosk::services::help_desk
