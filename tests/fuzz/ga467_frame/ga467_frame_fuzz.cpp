// SPDX-License-Identifier: GPL-3.0-or-later
// The GA 467 frame parser takes whatever a serial line delivers
// (drivers/card_reader/ga467_frame.h, ga467_text.h): any bytes, in any pieces, give frames,
// damaged-frame verdicts or a wait for more, never a crash or a read outside the input.
// The first byte sets the piece size, as a line delivers bytes in chunks. Every frame
// found re-encodes to a frame that parses to the same body, and an answer that splits
// into text and photo decodes to a card.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "drivers/card_reader/ga467_frame.h"
#include "drivers/card_reader/ga467_text.h"

namespace ga467 = kiosk::drivers::card_reader::ga467;

namespace {

void check_frame(const std::vector<std::uint8_t>& body) {
  if (body.empty() || body.size() >= ga467::kMaxLength) std::abort();
  ga467::FrameParser again;
  again.feed(ga467::encode_frame(body));
  std::vector<std::uint8_t> round;
  if (again.next(round) != ga467::Parsed::Frame || round != body) std::abort();
  ga467::Answer answer;
  if (!ga467::parse_answer(body, answer)) return;
  ga467::BaseBlocks blocks;
  if (!ga467::split_base(answer.data, blocks)) return;
  if (!ga467::decode_text_block(blocks.text).ok()) std::abort();   // any 256 bytes decode
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t piece = std::size_t{data[0]} + 1;
  const std::span<const std::uint8_t> stream(data + 1, size - 1);
  ga467::FrameParser parser;
  std::vector<std::uint8_t> body;
  std::size_t frames = 0;
  for (std::size_t at = 0; at < stream.size(); at += piece) {
    parser.feed(stream.subspan(at, std::min(piece, stream.size() - at)));
    for (ga467::Parsed parsed; (parsed = parser.next(body)) != ga467::Parsed::NeedMore;) {
      if (parsed == ga467::Parsed::Frame) {
        check_frame(body);
        ++frames;
      }
    }
  }
  // Nothing is lost or invented: what is buffered is never more than was fed.
  if (parser.buffered() + parser.skipped() > stream.size()) std::abort();
  (void)frames;
  return 0;
}
