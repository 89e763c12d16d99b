// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The input of `kiosk-outbox submit FILE.json` (docs/backend.md): an array of
// applications, or an object whose "applications" member is that array. Each entry is
// {"kind": <an application route name>, "body": {...}, "idempotency_key": "..."}; without
// a key, the entry gets one derived from its kind and body, so submitting the same file
// again never duplicates an application. The file comes from outside (a technician, another
// system): any text gives entries or an error, never an exception. Pure; any thread.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kiosk::tools::outbox {

struct SubmitEntry {
  std::string kind;              // route name, e.g. "subsidy_application"
  nlohmann::json body;           // the request body, as given
  std::string idempotency_key;   // given, or "file-" + 32 hex digits
};

struct SubmitFile {
  std::vector<SubmitEntry> entries;
  std::string error;             // empty when the file is good; else one line, no personal data
  bool ok() const { return error.empty(); }
};

SubmitFile parse_submit_file(const std::string& text);

}  // namespace kiosk::tools::outbox
