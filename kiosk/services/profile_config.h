// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading a service's section of the county profile (config/deployments/<county>.toml):
// the checks every loader needs, each problem reported as file:line (a problem stops
// start-up with exit code 2). Main thread, start-up only.
#include <cstdint>
#include <functional>
#include <memory>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "kiosk/core/flow/service.h"
#include "kiosk/services/entitlements/entitlements.h"
#include "kiosk/services/service_table.h"

namespace kiosk::services {

// 1-based line of a node; 1 when toml++ knows none.
std::size_t line_of(const toml::node& node);
bool all_digits(std::string_view s);
bool is_identifier(std::string_view s);   // lower-case letters, digits and _, a letter first

// The factory of a service made from its county data: `read(county, errors)` gives the
// data (reporting each problem), and a problem means no service (start-up stops).
template <typename ServiceT, typename Read>
std::unique_ptr<core::Service> make_from_profile(const CountyData& county, SetupErrors& errors, Read read) {
  const std::size_t before = errors.size();
  auto data = read(county, errors);
  if (errors.size() != before) return nullptr;
  return std::make_unique<ServiceT>(std::move(data));
}

// Reads one profile: the hall's own (CountyData) or another county's file (file, root).
// Holds references: the profile and the errors outlive the reader.
class ProfileReader {
 public:
  ProfileReader(const CountyData& county, SetupErrors& errors) : ProfileReader(county.file, county.table, errors) {}
  ProfileReader(std::string file, const toml::table& root, SetupErrors& errors)
      : m_file(std::move(file)), m_root(root), m_errors(errors) {}

  const toml::table& root() const { return m_root; }
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
  // The array of tables [[<section>.<key>]] in `table` ([<section>]), each given to `each`
  // in order; an item that is not a table is an error. false (and an error naming what
  // to add) when the array is missing or empty. `noun` says what the items are.
  bool tables(const toml::table& table, std::string_view section, std::string_view key, std::string_view noun,
              const std::function<void(const toml::table&)>& each);
  // A required lower-case identifier (is_identifier); "" (and an error) otherwise.
  std::string identifier(const toml::table& table, std::string_view key, std::string_view where);
  // integer(), but `absent` when the key is missing and absent is given; on an error, absent
  // or else min.
  std::int64_t integer_or(const toml::table& table, std::string_view key, std::int64_t min, std::int64_t max,
                          std::string_view where, std::optional<std::int64_t> absent = std::nullopt);
  // true or false; `absent` when the key is missing (or, with an error, not a boolean).
  bool boolean(const toml::table& table, std::string_view key, std::string_view where, bool absent);

 private:
  std::string m_file;
  const toml::table& m_root;
  SetupErrors& m_errors;
};

}  // namespace kiosk::services
