// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opening a driver kind from its priority list (docs/design.md 3), for the kinds whose
// entries are "code" or "code:argument" (the card reader's and the printer's): the
// environment variable, when set, replaces the list; the first entry whose code is in the
// table and whose factory gives a driver wins. Any thread; pure but for getenv.
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::drivers {

// Info: {const char* code; ...; std::unique_ptr<Driver> (*factory)(const std::string&)}.
template <class Driver, class Info>
std::unique_ptr<Driver> open_from_table(const std::vector<Info>& table, const std::vector<std::string>& priority,
                                        const char* environment_variable) {
  std::vector<std::string> entries = priority;
  if (const char* env = std::getenv(environment_variable); env != nullptr && *env != '\0') entries = {env};
  for (const std::string& entry : entries) {
    const auto colon = entry.find(':');
    const std::string code = entry.substr(0, colon);
    const std::string argument = colon == std::string::npos ? std::string() : entry.substr(colon + 1);
    for (const Info& info : table)
      if (code == info.code)
        if (auto driver = info.factory(argument)) return driver;
  }
  return nullptr;
}

}  // namespace kiosk::drivers
