// SPDX-License-Identifier: GPL-3.0-or-later
// The file of `kiosk-outbox submit FILE.json` comes from a technician or another system
// (tools/outbox/submit_file.h): any bytes give applications or one error line, never a
// crash, and every entry it accepts is an application route with a key.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kiosk/backend/api/endpoints.h"
#include "submit_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const kiosk::tools::outbox::SubmitFile file = kiosk::tools::outbox::parse_submit_file(text);
  if (!file.ok() && !file.entries.empty()) std::abort();
  for (const auto& entry : file.entries) {
    const auto endpoint = kiosk::backend::endpoint_from_name(entry.kind);
    if (!endpoint || kiosk::backend::endpoint_info(*endpoint).kind != kiosk::backend::CallKind::Application ||
        entry.idempotency_key.empty() || !entry.body.is_object()) {
      std::abort();
    }
  }
  return 0;
}
