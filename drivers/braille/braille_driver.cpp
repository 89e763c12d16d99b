// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/braille/braille_driver.h"

#include <cstdlib>

#include "drivers/braille/brlapi_driver.h"

namespace kiosk::drivers::braille {

namespace {

// No display: accepts writes, never has keys. The app carries on (docs/accessibility.md 5).
class NullBrailleDriver final : public BrailleDriver {
 public:
  std::string_view code() const override { return "null"; }
  int cells() const override { return 0; }
  void write(std::string_view, int) override {}
  std::vector<DriverEvent> drain() override { return {}; }
  void set_wakeup(std::function<void()>) override {}
};

}  // namespace

std::unique_ptr<BrailleDriver> make_null_driver(const BrailleDriverConfig&) {
  return std::make_unique<NullBrailleDriver>();
}

std::unique_ptr<BrailleDriver> make_brlapi_driver(const BrailleDriverConfig& config) {
  return std::make_unique<BrlapiDriver>(config);
}

const std::vector<BrailleDriverInfo>& braille_drivers() {
  static const std::vector<BrailleDriverInfo> table = {
      {"brlapi", "BRLTTY through BrlAPI (reconnects on its own)", &make_brlapi_driver},
      {"null", "no braille display", &make_null_driver},
  };
  return table;
}

BrailleOpenResult open_braille_driver(const std::vector<std::string>& priority,
                                      const BrailleDriverConfig& config) {
  std::vector<std::string> names = priority;
  if (const char* env = std::getenv("KIOSK_BRAILLE_DRIVER"); env != nullptr && *env != '\0') {
    names = {env};
  }
  BrailleOpenResult result;
  for (const std::string& name : names) {
    for (const BrailleDriverInfo& info : braille_drivers()) {
      if (name != info.code) continue;
      result.driver = info.factory(config);
      if (result.driver) return result;
    }
  }
  result.error = "no known braille driver in the list";
  return result;
}

}  // namespace kiosk::drivers::braille
