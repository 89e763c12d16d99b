// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/profile_config.h"

#include <algorithm>

namespace kiosk::services {

using entitlements::Text;

std::size_t line_of(const toml::node& node) { return std::max<std::size_t>(1, node.source().begin.line); }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_identifier(std::string_view s) {
  return !s.empty() && s.front() >= 'a' && s.front() <= 'z' &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

void ProfileReader::error(const toml::node* node, std::string message) {
  m_errors.push_back({m_file, node ? line_of(*node) : 0, std::move(message)});
}

void ProfileReader::check_keys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                               std::string_view where) {
  for (auto&& [key, node] : table)
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end())
      error(&node, "unknown key \"" + std::string(key.str()) + "\" in " + std::string(where));
}

Text ProfileReader::text(const toml::table& table, std::string_view key, bool required, std::string_view where) {
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

std::string ProfileReader::string(const toml::table& table, std::string_view key, std::string_view where) {
  const toml::node* node = table.get(key);
  const auto value = node ? node->value<std::string>() : std::nullopt;
  if (!value) error(node ? node : &table, "missing or non-text " + std::string(key) + " in " + std::string(where));
  return value.value_or("");
}

std::optional<std::int64_t> ProfileReader::integer(const toml::table& table, std::string_view key, std::int64_t min,
                                                   std::int64_t max, std::string_view where) {
  const toml::node* node = table.get(key);
  const auto value = node ? node->value_exact<std::int64_t>() : std::nullopt;
  if (!value || *value < min || *value > max) {
    error(node ? node : &table, std::string(key) + " in " + std::string(where) + " must be a whole number from " +
                                    std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return value;
}

const toml::table* ProfileReader::section(std::string_view key, std::string_view what) {
  const toml::node* node = root().get(key);
  const toml::table* table = node ? node->as_table() : nullptr;
  if (!table) error(node, "missing [" + std::string(key) + "] table (" + std::string(what) + ")");
  return table;
}

std::vector<Text> ProfileReader::texts(const toml::table& table, std::string_view key, std::string_view where) {
  std::vector<Text> out;
  const toml::node* node = table.get(key);
  const toml::array* list = node ? node->as_array() : nullptr;
  if (!list || list->empty()) {
    error(node ? node : &table, std::string(key) + " in " + std::string(where) + " must be a non-empty list of { zh, en }");
    return out;
  }
  for (const toml::node& item : *list) {
    const toml::table* t = item.as_table();
    if (!t) {
      error(&item, "every item of " + std::string(key) + " in " + std::string(where) + " must be { zh = \"...\", en = \"...\" }");
      continue;
    }
    const auto zh = (*t)["zh"].value<std::string>();
    const auto en = (*t)["en"].value<std::string>();
    if (!zh || !en || zh->empty() || en->empty() || t->size() != 2)
      error(&item, "every item of " + std::string(key) + " in " + std::string(where) + " must be { zh = \"...\", en = \"...\" }, both non-empty");
    else
      out.push_back(Text{*zh, *en});
  }
  return out;
}

bool ProfileReader::tables(const toml::table& table, std::string_view section, std::string_view key, std::string_view noun,
                           const std::function<void(const toml::table&)>& each) {
  const std::string name = std::string(section) + "." + std::string(key);
  const toml::array* list = table[key].as_array();
  if (!list || list->empty()) {
    error(&table, "[" + std::string(section) + "] lists no " + std::string(noun) + " (add [[" + name + "]] tables)");
    return false;
  }
  for (const toml::node& node : *list) {
    if (const toml::table* item = node.as_table()) each(*item);
    else error(&node, "every " + name + " must be a table");
  }
  return true;
}

std::string ProfileReader::identifier(const toml::table& table, std::string_view key, std::string_view where) {
  const toml::node* node = table.get(key);
  const auto value = node ? node->value<std::string>() : std::nullopt;
  if (!value || !is_identifier(*value)) {
    error(node ? node : &table, std::string(key) + " in " + std::string(where) + " must be lower-case letters, digits and _");
    return {};
  }
  return *value;
}

std::int64_t ProfileReader::integer_or(const toml::table& table, std::string_view key, std::int64_t min, std::int64_t max,
                                       std::string_view where, std::optional<std::int64_t> absent) {
  if (!table.get(key) && absent) return *absent;
  return integer(table, key, min, max, where).value_or(absent.value_or(min));
}

bool ProfileReader::boolean(const toml::table& table, std::string_view key, std::string_view where, bool absent) {
  const toml::node* node = table.get(key);
  if (!node) return absent;
  const auto value = node->value_exact<bool>();
  if (!value) error(node, std::string(key) + " in " + std::string(where) + " must be true or false");
  return value.value_or(absent);
}

}  // namespace kiosk::services
