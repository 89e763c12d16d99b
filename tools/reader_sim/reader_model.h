// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the reader simulator answers (tools/reader_sim, docs/design.md 3): a certified
// resident-ID reader with one card, modelled on how such readers behave. A card is
// "found" (9F) until it has been read; then only "select" still reaches it, until it is
// taken away. The read answer is the 256-byte text block built from the card file and a
// 1024-byte stand-in photo. A fault, when asked for, spoils every read answer (or hides
// the card). Pure; one thread.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/flow/id_card.h"
#include "kiosk/core/result.h"

namespace kiosk::tools::reader_sim {

enum class Fault {
  None,
  NoCard,      // the card is never found
  Garbage,     // the read is answered with noise, no frame
  HalfFrame,   // the read answer stops half way
  BadCheck,    // the read answer's check byte is wrong
  Unplug,      // the reader goes away half way through the read answer
  SlowSam,     // the read answer comes after a delay (slow_ms)
};
std::optional<Fault> parse_fault(std::string_view name);   // "no-card", "garbage", ...

// The first bytes of the stand-in photo, so a test can look for them where they must not be.
inline constexpr std::string_view kPhotoMarker = "WLTPHOTO";

struct Reply {
  std::vector<std::uint8_t> bytes;
  int delay_ms = 0;            // the SAM's time before the answer goes out
  bool unplug_after = false;   // the line goes away once `bytes` are out
};

class ReaderModel {
 public:
  // `card`: the card on the reader at start, if any.
  ReaderModel(std::optional<core::IdCard> card, Fault fault, int slow_ms);
  // The answer to one command frame's body (CMD PARA [data]).
  Reply answer(std::span<const std::uint8_t> body);
  // The answer to a command whose check byte was wrong.
  Reply answer_bad_check() const;
  bool place();    // false without a card file
  void remove();
  // Plugged in again: the reader has restarted, so a card on it is found again; the
  // unplug fault has happened and does not repeat.
  void replugged();

 private:
  Reply read_base();
  std::optional<core::IdCard> m_card;
  Fault m_fault;
  int m_slow_ms;
  bool m_present = false;
  bool m_halted = false;   // read already: not "found" again until taken away
};

// The card file's fields as a card, checked to fit the text block; errors name the field.
core::Result<core::IdCard> load_card(const std::string& path);

}  // namespace kiosk::tools::reader_sim
