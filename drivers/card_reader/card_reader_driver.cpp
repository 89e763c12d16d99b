// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/card_reader/card_reader_driver.h"

#include <cstdlib>

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
      {"null", "no card reader: identity numbers are keyed", &make_null},
  };
  return table;
}

std::unique_ptr<CardReaderDriver> open_card_reader(const std::vector<std::string>& priority) {
  std::vector<std::string> entries = priority;
  if (const char* env = std::getenv("KIOSK_CARD_READER"); env != nullptr && *env != '\0') entries = {env};
  for (const std::string& entry : entries) {
    const auto colon = entry.find(':');
    const std::string code = entry.substr(0, colon);
    const std::string argument = colon == std::string::npos ? std::string() : entry.substr(colon + 1);
    for (const CardReaderInfo& info : card_readers())
      if (code == info.code)
        if (auto driver = info.factory(argument)) return driver;
  }
  return nullptr;
}

}  // namespace kiosk::drivers::card_reader
