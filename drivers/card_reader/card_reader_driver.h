// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Resident ID card readers (docs/design.md 3): one interface, a static table
// {code, description, factory}, selection by a priority list such as
// `card_reader = ["ga467:/dev/ttyUSB0", "null"]` (a code, then ":" and the driver's own
// argument). Threading: every member is called on the main thread; a driver that polls a
// device does so on its own worker and hands its events over through drain(). The
// wake-up callback runs on that worker and must be cheap and thread-safe (SDL_PushEvent).
// A card is personal data: events are dropped once drained, and never logged.
#include <array>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/flow/id_card.h"

namespace kiosk::drivers::card_reader {

class CardReaderDriver {
 public:
  virtual ~CardReaderDriver() = default;
  virtual std::string_view code() const = 0;
  // Takes the events queued since the last call, oldest first.
  virtual std::vector<core::CardEvent> drain() = 0;
  virtual void set_wakeup(std::function<void()> wakeup) = 0;
};

// The twin for headless runs and tests (the script's `card FILE.json` and `card-remove`
// steps): it reports what it is told, as a reader would.
class FakeCardReader final : public CardReaderDriver {
 public:
  std::string_view code() const override { return "fake"; }
  std::vector<core::CardEvent> drain() override;
  void set_wakeup(std::function<void()> wakeup) override { m_wakeup = std::move(wakeup); }

  void place(const core::IdCard& card);                  // a card read
  void remove();                                         // the card taken away
  void fail(core::CardEvent::Kind kind);                 // Unreadable or ReaderLost

 private:
  void post(core::CardEvent event);
  std::vector<core::CardEvent> m_events;
  std::function<void()> m_wakeup;
};

struct CardReaderInfo {
  const char* code;
  const char* description;
  // `argument`: what follows "code:" in the config entry (a device path), or "".
  std::unique_ptr<CardReaderDriver> (*factory)(const std::string& argument);
};

// The codes of the static table, for the config check (which links no driver).
inline constexpr std::array<std::string_view, 3> kCardReaderCodes{"fake", "ga467", "null"};
// The codes whose argument is a device path, which the config check requires.
inline constexpr std::array<std::string_view, 1> kCardReaderDeviceCodes{"ga467"};
// The static table: "fake", "ga467" (a certified reader on the serial device named by the
// argument, drivers/card_reader/ga467_driver.h; no argument: it does not open), "null".
const std::vector<CardReaderInfo>& card_readers();

// The first entry of `priority` that opens wins; KIOSK_CARD_READER, when set, replaces the
// list. Returns null only when no entry names a known driver.
std::unique_ptr<CardReaderDriver> open_card_reader(const std::vector<std::string>& priority);

}  // namespace kiosk::drivers::card_reader
