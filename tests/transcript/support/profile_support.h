// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// For the suites of a service's county-profile loader: the shipped profiles, a profile
// from text, and the problems as the kiosk prints them. Header only; start-up code, any
// thread of the test.
#include <filesystem>
#include <string>

#include <toml++/toml.h>

#include "kiosk/services/service_table.h"

namespace kiosk::testing {

// The counties config/deployments ships, each with its profile <id>.toml.
inline constexpr const char* kShippedCounties[] = {"houma", "wuda", "zhangdian", "tongxin"};

// The shipped profile of county `id` (KIOSK_SOURCE_ROOT/config/deployments/<id>.toml).
inline services::CountyData shipped_profile(const std::string& id) {
  const std::filesystem::path file = std::filesystem::path(KIOSK_SOURCE_ROOT) / "config" / "deployments" / (id + ".toml");
  return services::CountyData{file.string(), id, toml::parse_file(file.string())};
}

// A profile from TOML text, named test.toml (county id "test") in its problems.
inline services::CountyData profile_from(const std::string& text) {
  return services::CountyData{"test.toml", "test", toml::parse(text)};
}

// Each problem as `file:line: message`, one a line.
inline std::string errors_of(const services::SetupErrors& errors) {
  std::string out;
  for (const auto& e : errors) out += e.file + ":" + std::to_string(e.line) + ": " + e.message + "\n";
  return out;
}

}  // namespace kiosk::testing
