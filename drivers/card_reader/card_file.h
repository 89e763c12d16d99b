// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The card file of the headless `card FILE.json` step (docs/design.md 5): the card's
// printed fields as JSON, {"name", "sex", "nation", "birth", "address", "id_number",
// "authority", "valid_from", "valid_to"}, every one a string. Outside input (test and demo
// authors): any text gives a card or an error naming what is wrong, never an exception.
// Pure; any thread.
#include <string>

#include "kiosk/core/flow/id_card.h"
#include "kiosk/core/result.h"

namespace kiosk::drivers::card_reader {

core::Result<core::IdCard> parse_card_file(const std::string& text);

}  // namespace kiosk::drivers::card_reader
