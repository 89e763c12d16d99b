// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The serial frames of a certified resident-ID reader (the SAM interface of GA 467, as the
// public descriptions of it give it; docs/design.md 3):
//
//   AA AA AA 96 69 | LEN_HI LEN_LO | body ... | CHK
//
// LEN counts the body and the check byte; CHK is the XOR of every byte after the preamble
// (the two length bytes and the body). A command's body is CMD PARA [data]; an answer's is
// SW1 SW2 SW3 [data], SW3 being the reader's own status (kStatus*).
//
// The bytes come from a device (or, in the fuzz target, from anywhere): the parser takes
// any byte stream, skips what is not a frame, names what is damaged and never reads
// outside what it was given. Pure; one parser per thread.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace kiosk::drivers::card_reader::ga467 {

inline constexpr std::uint8_t kPreamble[5] = {0xAA, 0xAA, 0xAA, 0x96, 0x69};
// The longest LEN accepted: the base text and photo answer is 0x0508; the answer that adds
// the fingerprint block is 0x0908. Anything longer is noise, not a frame.
inline constexpr std::size_t kMaxLength = 0x0A00;
inline constexpr std::size_t kHeaderSize = 7;   // preamble and LEN

// Commands (CMD, PARA).
inline constexpr std::uint8_t kCmdReset[2] = {0x10, 0xFF};
inline constexpr std::uint8_t kCmdSamStatus[2] = {0x11, 0xFF};
inline constexpr std::uint8_t kCmdSamId[2] = {0x12, 0xFF};
inline constexpr std::uint8_t kCmdFindCard[2] = {0x20, 0x01};
inline constexpr std::uint8_t kCmdSelectCard[2] = {0x20, 0x02};
inline constexpr std::uint8_t kCmdReadBase[2] = {0x30, 0x01};   // base text and photo

// SW3, the reader's status.
inline constexpr std::uint8_t kStatusOk = 0x90;
inline constexpr std::uint8_t kStatusCardFound = 0x9F;      // find card: a card is there
inline constexpr std::uint8_t kStatusCheckError = 0x10;     // our frame's check byte was wrong
inline constexpr std::uint8_t kStatusLengthError = 0x11;
inline constexpr std::uint8_t kStatusCommandError = 0x21;
inline constexpr std::uint8_t kStatusUnknownError = 0x24;
inline constexpr std::uint8_t kStatusCardAuthFailed = 0x31;  // the card refused the SAM
inline constexpr std::uint8_t kStatusSamAuthFailed = 0x32;   // the SAM refused the card
inline constexpr std::uint8_t kStatusVerifyFailed = 0x33;
inline constexpr std::uint8_t kStatusWrongCard = 0x40;
inline constexpr std::uint8_t kStatusReadFailed = 0x41;
inline constexpr std::uint8_t kStatusSelfTestFailed = 0x60;  // the SAM takes no command
inline constexpr std::uint8_t kStatusUnauthorised = 0x66;
inline constexpr std::uint8_t kStatusNoCard = 0x80;          // find card: none
inline constexpr std::uint8_t kStatusSelectFailed = 0x81;    // select card: none (any more)
inline constexpr std::uint8_t kStatusNoContent = 0x91;

// A whole frame for `body` (preamble, LEN, body, CHK). `body` must be 1..kMaxLength-1 bytes.
std::vector<std::uint8_t> encode_frame(std::span<const std::uint8_t> body);
std::vector<std::uint8_t> encode_command(std::uint8_t cmd, std::uint8_t para,
                                         std::span<const std::uint8_t> data = {});
std::vector<std::uint8_t> encode_answer(std::uint8_t sw3, std::span<const std::uint8_t> data = {});

// What the next call to FrameParser::next found.
enum class Parsed {
  NeedMore,    // no whole frame buffered yet
  Frame,       // `body` holds one frame's body
  BadCheck,    // a whole frame whose check byte is wrong; it is dropped
  BadLength,   // a preamble followed by an impossible LEN; the preamble is dropped
};

// Accumulates bytes and cuts them into frames. Bytes before a preamble are skipped
// (counted in skipped()). Buffered bytes may be personal data: clear() wipes them.
class FrameParser {
 public:
  ~FrameParser() { clear(); }
  void feed(std::span<const std::uint8_t> bytes);
  // Fills `body` (replacing its content) when it returns Parsed::Frame.
  Parsed next(std::vector<std::uint8_t>& body);
  void clear();
  std::size_t buffered() const { return m_buffer.size(); }
  std::size_t skipped() const { return m_skipped; }

 private:
  void drop_front(std::size_t n);
  std::vector<std::uint8_t> m_buffer;
  std::size_t m_skipped = 0;
};

// An answer's body split into its status and data.
struct Answer {
  std::uint8_t sw1 = 0, sw2 = 0, sw3 = 0;
  std::vector<std::uint8_t> data;
};
// False when the body is shorter than SW1 SW2 SW3.
bool parse_answer(std::span<const std::uint8_t> body, Answer& answer);

// The data of a successful read-base answer: text length (2 bytes, big-endian), photo
// length (2), the text, the photo. `text` and `photo` point into `data`. False when the
// lengths do not add up or the text is not the 256-byte block.
struct BaseBlocks {
  std::span<const std::uint8_t> text;
  std::span<const std::uint8_t> photo;
};
bool split_base(std::span<const std::uint8_t> data, BaseBlocks& blocks);

// Overwrites bytes that held personal data, in a way the optimiser keeps.
void wipe(std::vector<std::uint8_t>& bytes);

}  // namespace kiosk::drivers::card_reader::ga467
