// SPDX-License-Identifier: GPL-3.0-or-later
// The card file of a headless `card FILE.json` step comes from test and demo authors
// (drivers/card_reader/card_file.h): any bytes give a card or an error, never a crash,
// and an error always has its code and message.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "drivers/card_reader/card_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto card = kiosk::drivers::card_reader::parse_card_file(text);
  if (!card.ok() && (card.error().code.empty() || card.error().message.empty())) std::abort();
  return 0;
}
