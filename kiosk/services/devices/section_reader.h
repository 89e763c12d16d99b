// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Checked reads of one county-profile section, every problem as `file:line: message`
// (shared by the devices and child_aid loaders). Main thread, start-up only.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "kiosk/services/entitlements/entitlements.h"
#include "kiosk/services/service_table.h"

namespace kiosk::services {

class SectionReader {
 public:
  SectionReader(std::string file, SetupErrors& errors) : m_file(std::move(file)), m_errors(errors) {}

  static std::size_t line_of(const toml::node& node) { return std::max<std::size_t>(1, node.source().begin.line); }

  void error(const toml::node* node, std::string message) {
    m_errors.push_back({m_file, node ? line_of(*node) : 0, std::move(message)});
  }

  void check_keys(const toml::table& table, std::initializer_list<std::string_view> allowed, std::string_view where) {
    for (auto&& [key, node] : table)
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end())
        error(&node, "unknown key \"" + std::string(key.str()) + "\" in " + std::string(where));
  }

  static bool is_identifier(std::string_view s) {
    return !s.empty() && s.front() >= 'a' && s.front() <= 'z' &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
  }

  // A lower-case identifier (letters, digits, _).
  std::string identifier(const toml::table& table, std::string_view key, std::string_view where) {
    const toml::node* node = table.get(key);
    const auto value = node ? node->value<std::string>() : std::nullopt;
    if (!value || !is_identifier(*value)) {
      error(node ? node : &table, std::string(key) + " in " + std::string(where) + " must be lower-case letters, digits and _");
      return {};
    }
    return *value;
  }

  // { zh = "...", en = "..." }, both non-empty.
  entitlements::Text text(const toml::table& table, std::string_view key, std::string_view where) {
    const toml::node* node = table.get(key);
    const toml::table* t = node ? node->as_table() : nullptr;
    const auto zh = t ? (*t)["zh"].value<std::string>() : std::nullopt;
    const auto en = t ? (*t)["en"].value<std::string>() : std::nullopt;
    if (!t || !zh || !en || zh->empty() || en->empty() || t->size() != 2) {
      error(node ? node : &table, std::string(key) + " in " + std::string(where) + " must be { zh = \"...\", en = \"...\" }, both non-empty");
      return {};
    }
    return entitlements::Text{*zh, *en};
  }

  // A whole number in [low, high]; absent and optional: fallback.
  std::int64_t integer(const toml::table& table, std::string_view key, std::int64_t low, std::int64_t high, std::string_view where,
                       std::optional<std::int64_t> fallback = std::nullopt) {
    const toml::node* node = table.get(key);
    if (!node && fallback) return *fallback;
    const auto value = node ? node->value_exact<std::int64_t>() : std::nullopt;
    if (!value || *value < low || *value > high) {
      error(node ? node : &table, std::string(key) + " in " + std::string(where) + " must be a whole number from " +
                                      std::to_string(low) + " to " + std::to_string(high));
      return fallback.value_or(low);
    }
    return *value;
  }

  bool boolean(const toml::table& table, std::string_view key, std::string_view where, bool fallback) {
    const toml::node* node = table.get(key);
    if (!node) return fallback;
    const auto value = node->value_exact<bool>();
    if (!value) error(node, std::string(key) + " in " + std::string(where) + " must be true or false");
    return value.value_or(fallback);
  }

 private:
  std::string m_file;
  SetupErrors& m_errors;
};

}  // namespace kiosk::services
