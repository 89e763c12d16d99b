// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Loads and validates a county deployment profile, config/deployments/<county>.toml
// (schema: config/deployments/README.md), into the pure CountyProfile the entitlements
// guide uses. The guide owns the profile's header (id, names, hotline, address) and its
// document, place and entitlement tables; other services' sections are skipped here and
// checked by their own loaders (kiosk/services/service_table.h). A bad profile must stop start-up (exit code 2) with a message naming the
// file, the line and the problem, so the loader checks everything it can and reports
// every problem it finds, not just the first: unknown keys, wrong types, unknown
// category / dibao / hukou names, grades outside 1-4, malformed ages, missing or empty
// zh / en text, duplicate or unknown ids, an id that differs from the file name.
//
// Reads one file with toml++; no exceptions escape. Call from the main thread at
// start-up (it blocks on file I/O; a profile is a few kB and loads in well under 1 ms).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "kiosk/services/entitlements/entitlements.h"
#include "kiosk/services/service_table.h"

namespace kiosk::services::entitlements {

struct DeploymentError {
  std::string file;        // the path as given to the loader
  std::size_t line = 0;    // 1-based; 0 = the file as a whole (e.g. it cannot be read)
  std::string message;     // plain English for operators, e.g. `unknown category "blind"`
  // "file:line: message" (or "file: message" when line is 0).
  std::string describe() const;
};

struct DeploymentLoadResult {
  std::optional<CountyProfile> profile;   // set iff errors is empty
  std::vector<DeploymentError> errors;                             // sorted by line

  bool ok() const { return profile.has_value(); }
  // Every error, one per line, for the start-up message and the log (profiles hold no
  // personal data, so the text is safe to log).
  std::string describe() const;
};

// Reads an already parsed profile (the hall's, parsed once at start-up). file_name is
// for messages; stem is the name the profile's `id` must equal; other_sections are the
// top-level keys other services own.
DeploymentLoadResult read_county_profile(const toml::table& root, const std::string& file_name,
                                         std::string_view stem, const std::vector<std::string>& other_sections = {});

// Loads one profile file. The profile's `id` must equal the file's stem.
DeploymentLoadResult load_deployment(const std::filesystem::path& file, const std::vector<std::string>& other_sections = {});

// Loads config_dir/deployments/<county_id>.toml; county_id is what the hall's config
// names (e.g. "houma"), letters, digits and '_' only.
DeploymentLoadResult load_deployment(const std::filesystem::path& config_dir, std::string_view county_id,
                                     const std::vector<std::string>& other_sections = {});

// The service table's factory: the guide over the hall's county profile.
std::unique_ptr<core::Service> make_guide_service(const CountyData& county, const std::vector<std::string>& other_sections,
                                                  SetupErrors& errors);

}  // namespace kiosk::services::entitlements
