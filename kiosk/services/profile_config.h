// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading a service's section of the county profile (config/deployments/<county>.toml):
// the checks every loader needs, each problem reported as file:line (a problem stops
// start-up with exit code 2). Main thread, start-up only.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "kiosk/services/entitlements/entitlements.h"
#include "kiosk/services/service_table.h"

namespace kiosk::services {

// 1-based line of a node; 1 when toml++ knows none.
std::size_t line_of(const toml::node& node);
bool all_digits(std::string_view s);
bool is_identifier(std::string_view s);   // lower-case letters, digits and _, a letter first

class ProfileReader {
 public:
  ProfileReader(const CountyData& county, SetupErrors& errors) : m_county(county), m_errors(errors) {}

  const toml::table& root() const { return m_county.table; }
  // The problem at node's line (node null: the file as a whole).
  void error(const toml::node* node, std::string message);
  // Every key of table not in allowed is an error ("unknown key ... in <where>").
  void check_keys(const toml::table& table, std::initializer_list<std::string_view> allowed, std::string_view where);
  // { zh = "...", en = "..." }, both non-empty. Missing and not required: empty Text.
  entitlements::Text text(const toml::table& table, std::string_view key, bool required, std::string_view where);
  // A required string; "" (and an error) when missing or not text.
  std::string string(const toml::table& table, std::string_view key, std::string_view where);
  // A required integer in [min, max]; nullopt (and an error) otherwise.
  std::optional<std::int64_t> integer(const toml::table& table, std::string_view key, std::int64_t min,
                                      std::int64_t max, std::string_view where);
  // The section table named key of the profile; nullptr (and an error naming what it
  // should hold) when it is missing or not a table.
  const toml::table* section(std::string_view key, std::string_view what);
  // A non-empty array of { zh, en } texts.
  std::vector<entitlements::Text> texts(const toml::table& table, std::string_view key, std::string_view where);

 private:
  const CountyData& m_county;
  SetupErrors& m_errors;
};

}  // namespace kiosk::services
