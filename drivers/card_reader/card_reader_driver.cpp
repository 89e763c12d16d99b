// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/card_reader/card_reader_driver.h"

#include "drivers/card_reader/ga467_driver.h"
#include "drivers/driver_table.h"

namespace kiosk::drivers::card_reader {

namespace {

// No reader: never a card. Identification is keyed (docs/domain.md 4).
class NullCardReader final : public CardReaderDriver {
 public:
  std::string_view code() const override { return "null"; }
  std::vector<core::CardEvent> drain() override { return {}; }
  void set_wakeup(std::function<void()>) override {}
};

std::unique_ptr<CardReaderDriver> make_null(const std::string&) { return std::make_unique<NullCardReader>(); }
std::unique_ptr<CardReaderDriver> make_fake(const std::string&) { return std::make_unique<FakeCardReader>(); }
// The device need not exist yet: a USB reader may be plugged in later, and the worker
// keeps trying (reporting ReaderLost meanwhile).
std::unique_ptr<CardReaderDriver> make_ga467(const std::string& device) {
  if (device.empty()) return nullptr;
  return std::make_unique<Ga467CardReader>(device);
}

}  // namespace

std::vector<core::CardEvent> FakeCardReader::drain() {
  std::vector<core::CardEvent> out;
  out.swap(m_events);
  return out;
}

void FakeCardReader::post(core::CardEvent event) {
  m_events.push_back(std::move(event));
  if (m_wakeup) m_wakeup();
}

void FakeCardReader::place(const core::IdCard& card) { post({core::CardEvent::Kind::Placed, card}); }
void FakeCardReader::remove() { post({core::CardEvent::Kind::Removed, {}}); }
void FakeCardReader::fail(core::CardEvent::Kind kind) { post({kind, {}}); }

const std::vector<CardReaderInfo>& card_readers() {
  static const std::vector<CardReaderInfo> table = {
      {"fake", "a reader fed by headless script steps and tests", &make_fake},
      {"ga467", "a certified resident-ID reader (GA 467 SAM frames) on a serial device", &make_ga467},
      {"null", "no card reader: identity numbers are keyed", &make_null},
  };
  return table;
}

std::unique_ptr<CardReaderDriver> open_card_reader(const std::vector<std::string>& priority) {
  return open_from_table<CardReaderDriver>(card_readers(), priority, "KIOSK_CARD_READER");
}

}  // namespace kiosk::drivers::card_reader
