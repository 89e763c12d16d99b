// SPDX-License-Identifier: GPL-3.0-or-later
// Headless scripts (kiosk/app/headless/script.h) come from content editors and test authors: any
// bytes give steps or an error naming a line of the script, never a crash.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kiosk/app/headless/script.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const kiosk::app::ParsedScript parsed = kiosk::app::parse_script(text);
  const long lines = 1 + static_cast<long>(std::count(text.begin(), text.end(), '\n'));
  if (parsed.error) {
    if (parsed.error->line < 1 || parsed.error->line > lines || parsed.error->message.empty()) std::abort();
    return 0;
  }
  for (const kiosk::app::ScriptStep& step : parsed.steps) {
    if (step.line < 1 || step.line > lines) std::abort();
    if (step.kind == kiosk::app::ScriptStep::Kind::Wait && step.ms < 0) std::abort();
  }
  return 0;
}
