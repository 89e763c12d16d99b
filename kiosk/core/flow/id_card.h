// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The resident ID card as a reader (drivers/card_reader) or a headless `card FILE.json`
// step delivers it: the printed fields, decoded, in memory only. The photo never leaves the
// driver. A card is personal data: a service that takes it wipes it in reset().
#include <string>

namespace kiosk::core {

struct IdCard {
  std::string name;          // as printed, UTF-8
  std::string sex;           // 男 / 女
  std::string nation;        // 汉, 回, ... (the card prints the nation without 族)
  std::string birth;         // YYYYMMDD
  std::string address;
  std::string id_number;     // 18 characters, the last may be X
  std::string authority;     // issuing office
  std::string valid_from;    // YYYYMMDD
  std::string valid_to;      // YYYYMMDD, or 长期 for a card without end
};

struct CardEvent {
  enum class Kind {
    Placed,       // a card was read; `card` holds its fields
    Removed,      // the card left the reader (does not end a visit)
    Unreadable,   // a card is there but its read failed (bad frames, SAM busy, ...)
    ReaderLost,   // the reader stopped answering (unplugged)
  };
  Kind kind = Kind::Placed;
  IdCard card;
};

}  // namespace kiosk::core
