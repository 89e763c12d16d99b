// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Loads and validates a county deployment profile, config/deployments/<county>.toml
// (schema: config/deployments/README.md), into the pure CountyProfile the entitlements
// guide uses. A bad profile must stop start-up (exit code 2) with a message naming the
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

#include "kiosk/services/entitlements/entitlements.h"

namespace kiosk::app {

struct DeploymentError {
  std::string file;        // the path as given to the loader
  std::size_t line = 0;    // 1-based; 0 = the file as a whole (e.g. it cannot be read)
  std::string message;     // plain English for operators, e.g. `unknown category "blind"`
  // "file:line: message" (or "file: message" when line is 0).
  std::string describe() const;
};

struct DeploymentLoadResult {
  std::optional<services::entitlements::CountyProfile> profile;   // set iff errors is empty
  std::vector<DeploymentError> errors;                             // sorted by line

  bool ok() const { return profile.has_value(); }
  // Every error, one per line, for the start-up message and the log (profiles hold no
  // personal data, so the text is safe to log).
  std::string describe() const;
};

// Loads one profile file. The profile's `id` must equal the file's stem.
DeploymentLoadResult load_deployment(const std::filesystem::path& file);

// Loads config_dir/deployments/<county_id>.toml; county_id is what the hall's config
// names (e.g. "houma"), letters, digits and '_' only.
DeploymentLoadResult load_deployment(const std::filesystem::path& config_dir,
                                     std::string_view county_id);

}  // namespace kiosk::app
