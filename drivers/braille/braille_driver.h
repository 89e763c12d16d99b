// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Braille display drivers (docs/design.md 3): one interface, a static table
// {code, description, factory}, selection by a priority list such as ["brlapi", "null"].
// Threading: every member is called on the main thread; a driver may run its own
// worker and hands its events over through drain(). The optional wake-up callback runs
// on the driver's worker and must be cheap and thread-safe (e.g. SDL_PushEvent).
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/present/braille/braille_input.h"

namespace kiosk::drivers::braille {

struct DriverEvent {
  enum class Kind {
    Key,         // `key` from the display
    Connected,   // display there (again); `cells` = its width (14..80 on real devices)
    Lost,        // daemon or display gone; the driver keeps trying on its own
  };
  Kind kind = Kind::Key;
  core::braille::BrailleKey key;
  int cells = 0;
};

class BrailleDriver {
 public:
  virtual ~BrailleDriver() = default;
  virtual std::string_view code() const = 0;
  // Current width in cells; 0 while no display is connected.
  virtual int cells() const = 0;
  // Shows `cells` (UTF-8 Unicode braille, padded with blanks, cut to the width);
  // `cursor` 0-based cell or -1. Writes to the device only when it differs from what
  // is shown; remembered and shown again after a reconnect.
  virtual void write(std::string_view cells, int cursor) = 0;
  // Takes the events queued since the last call, oldest first.
  virtual std::vector<DriverEvent> drain() = 0;
  virtual void set_wakeup(std::function<void()> wakeup) = 0;
};

struct BrailleDriverConfig {
  std::string host;      // BrlAPI host ("127.0.0.1:1007" = TCP port 4101+1007); empty = local daemon
  std::string auth;      // BrlAPI auth ("none", "keyfile:/etc/brlapi.key"); empty = library default
  int retry_min_ms = 200;     // reconnect back-off, doubled up to retry_max_ms
  int retry_max_ms = 5000;
};

struct BrailleDriverInfo {
  const char* code;
  const char* description;
  std::unique_ptr<BrailleDriver> (*factory)(const BrailleDriverConfig&);
};

// The static table: "brlapi", "null".
const std::vector<BrailleDriverInfo>& braille_drivers();

struct BrailleOpenResult {
  std::unique_ptr<BrailleDriver> driver;   // null only if no name in the list is known
  std::string error;
};
// The first name in `priority` that opens wins; KIOSK_BRAILLE_DRIVER, when set, replaces
// the list. "brlapi" always opens: it connects (and reconnects) in the background and
// reports Connected / Lost events, so a display plugged in later still works.
BrailleOpenResult open_braille_driver(const std::vector<std::string>& priority,
                                      const BrailleDriverConfig& config);

std::unique_ptr<BrailleDriver> make_null_driver(const BrailleDriverConfig& config);
std::unique_ptr<BrailleDriver> make_brlapi_driver(const BrailleDriverConfig& config);

}  // namespace kiosk::drivers::braille
