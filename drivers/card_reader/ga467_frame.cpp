// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/card_reader/ga467_frame.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace kiosk::drivers::card_reader::ga467 {

namespace {

std::uint8_t xor_of(std::span<const std::uint8_t> bytes) {
  std::uint8_t x = 0;
  for (const std::uint8_t b : bytes) x = static_cast<std::uint8_t>(x ^ b);
  return x;
}

}  // namespace

std::vector<std::uint8_t> encode_frame(std::span<const std::uint8_t> body) {
  const std::size_t length = body.size() + 1;
  std::vector<std::uint8_t> frame(std::begin(kPreamble), std::end(kPreamble));
  frame.push_back(static_cast<std::uint8_t>(length >> 8));
  frame.push_back(static_cast<std::uint8_t>(length & 0xFF));
  frame.insert(frame.end(), body.begin(), body.end());
  frame.push_back(xor_of(std::span(frame).subspan(std::size(kPreamble))));
  return frame;
}

std::vector<std::uint8_t> encode_command(std::uint8_t cmd, std::uint8_t para, std::span<const std::uint8_t> data) {
  std::vector<std::uint8_t> body{cmd, para};
  body.insert(body.end(), data.begin(), data.end());
  return encode_frame(body);
}

std::vector<std::uint8_t> encode_answer(std::uint8_t sw3, std::span<const std::uint8_t> data) {
  std::vector<std::uint8_t> body{0x00, 0x00, sw3};
  body.insert(body.end(), data.begin(), data.end());
  auto frame = encode_frame(body);
  wipe(body);
  return frame;
}

void FrameParser::feed(std::span<const std::uint8_t> bytes) { m_buffer.insert(m_buffer.end(), bytes.begin(), bytes.end()); }

void FrameParser::drop_front(std::size_t n) {
  std::fill_n(m_buffer.begin(), n, std::uint8_t{0});
  m_buffer.erase(m_buffer.begin(), m_buffer.begin() + static_cast<std::ptrdiff_t>(n));
}

Parsed FrameParser::next(std::vector<std::uint8_t>& body) {
  // Resynchronise: everything before the first preamble is noise. A preamble cut at the
  // end of the buffer may complete with the next bytes, so its start is kept.
  const auto start = std::search(m_buffer.begin(), m_buffer.end(), std::begin(kPreamble), std::end(kPreamble));
  std::size_t noise = static_cast<std::size_t>(start - m_buffer.begin());
  if (start == m_buffer.end()) {
    std::size_t keep = 0;
    for (std::size_t k = std::min(m_buffer.size(), std::size(kPreamble) - 1); k > 0 && keep == 0; --k)
      if (std::equal(m_buffer.end() - static_cast<std::ptrdiff_t>(k), m_buffer.end(), std::begin(kPreamble))) keep = k;
    noise = m_buffer.size() - keep;
  }
  if (noise > 0) {
    m_skipped += noise;
    drop_front(noise);
  }
  if (m_buffer.size() < kHeaderSize) return Parsed::NeedMore;
  const std::size_t length = (std::size_t{m_buffer[5]} << 8) | m_buffer[6];
  if (length < 2 || length > kMaxLength) {
    // Not a frame after all: skip the first preamble byte and look again next time.
    m_skipped += 1;
    drop_front(1);
    return Parsed::BadLength;
  }
  if (m_buffer.size() < kHeaderSize + length) return Parsed::NeedMore;
  const std::span<const std::uint8_t> checked(m_buffer.data() + std::size(kPreamble), 2 + length - 1);
  const bool good = xor_of(checked) == m_buffer[kHeaderSize + length - 1];
  if (good) {
    wipe(body);
    body.assign(m_buffer.begin() + kHeaderSize, m_buffer.begin() + static_cast<std::ptrdiff_t>(kHeaderSize + length - 1));
  }
  drop_front(kHeaderSize + length);
  return good ? Parsed::Frame : Parsed::BadCheck;
}

void FrameParser::clear() {
  wipe(m_buffer);
  m_skipped = 0;
}

bool parse_answer(std::span<const std::uint8_t> body, Answer& answer) {
  if (body.size() < 3) return false;
  answer.sw1 = body[0];
  answer.sw2 = body[1];
  answer.sw3 = body[2];
  wipe(answer.data);
  answer.data.assign(body.begin() + 3, body.end());
  return true;
}

bool split_base(std::span<const std::uint8_t> data, BaseBlocks& blocks) {
  if (data.size() < 4) return false;
  const std::size_t text = (std::size_t{data[0]} << 8) | data[1];
  const std::size_t photo = (std::size_t{data[2]} << 8) | data[3];
  if (text != 256 || data.size() != 4 + text + photo) return false;
  blocks.text = data.subspan(4, text);
  blocks.photo = data.subspan(4 + text, photo);
  return true;
}

void wipe(std::vector<std::uint8_t>& bytes) {
  if (!bytes.empty()) {
    // A volatile write the compiler cannot prove dead, then the memory is given back.
    volatile std::uint8_t* p = bytes.data();
    for (std::size_t i = 0; i < bytes.size(); ++i) p[i] = 0;
  }
  bytes.clear();
}

}  // namespace kiosk::drivers::card_reader::ga467
