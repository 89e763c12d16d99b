// SPDX-License-Identifier: GPL-3.0-or-later
#include "reader_model.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "drivers/card_reader/card_file.h"
#include "drivers/card_reader/ga467_frame.h"
#include "drivers/card_reader/ga467_text.h"

namespace kiosk::tools::reader_sim {

namespace ga467 = drivers::card_reader::ga467;

namespace {

constexpr std::size_t kPhotoSize = 1024;   // the card's compressed photo is this size

// A stand-in photo: the marker, then bytes that are no image format at all.
std::vector<std::uint8_t> stand_in_photo() {
  std::vector<std::uint8_t> photo(kPhotoSize);
  std::uint32_t x = 2463534242u;
  for (std::size_t i = 0; i < photo.size(); ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    photo[i] = i < kPhotoMarker.size() ? static_cast<std::uint8_t>(kPhotoMarker[i]) : static_cast<std::uint8_t>(x);
  }
  return photo;
}

// Noise without the preamble's first byte, so no frame can start in it.
std::vector<std::uint8_t> noise(std::size_t n) {
  std::vector<std::uint8_t> bytes(n);
  for (std::size_t i = 0; i < n; ++i) bytes[i] = static_cast<std::uint8_t>((i * 37 + 11) % 0xAA);
  return bytes;
}

}  // namespace

std::optional<Fault> parse_fault(std::string_view name) {
  constexpr std::pair<std::string_view, Fault> kNames[] = {
      {"none", Fault::None},           {"no-card", Fault::NoCard}, {"garbage", Fault::Garbage},
      {"half-frame", Fault::HalfFrame}, {"bad-check", Fault::BadCheck}, {"unplug", Fault::Unplug},
      {"slow-sam", Fault::SlowSam}};
  for (const auto& [n, fault] : kNames)
    if (n == name) return fault;
  return std::nullopt;
}

ReaderModel::ReaderModel(std::optional<core::IdCard> card, Fault fault, int slow_ms)
    : m_card(std::move(card)), m_fault(fault), m_slow_ms(slow_ms), m_present(m_card.has_value()) {}

bool ReaderModel::place() {
  if (!m_card) return false;
  m_present = true;
  m_halted = false;
  return true;
}

void ReaderModel::remove() {
  m_present = false;
  m_halted = false;
}

void ReaderModel::replugged() {
  m_halted = false;
  if (m_fault == Fault::Unplug) m_fault = Fault::None;
}

Reply ReaderModel::answer_bad_check() const { return {ga467::encode_answer(ga467::kStatusCheckError)}; }

Reply ReaderModel::answer(std::span<const std::uint8_t> body) {
  if (body.size() < 2) return {ga467::encode_answer(ga467::kStatusLengthError)};
  const std::uint8_t cmd = body[0], para = body[1];
  const bool there = m_present && m_fault != Fault::NoCard;
  if (cmd == 0x10 && para == 0xFF) return {ga467::encode_answer(ga467::kStatusOk)};   // reset
  if (cmd == 0x11 && para == 0xFF) return {ga467::encode_answer(ga467::kStatusOk)};   // SAM status
  if (cmd == 0x12 && para == 0xFF) {                                                  // SAM id
    const std::vector<std::uint8_t> id(16, 0x01);
    return {ga467::encode_answer(ga467::kStatusOk, id)};
  }
  if (cmd == 0x20 && para == 0x01) {   // find card: the IIN, here zeros
    const std::vector<std::uint8_t> iin(4, 0x00);
    return there && !m_halted ? Reply{ga467::encode_answer(ga467::kStatusCardFound, iin)}
                              : Reply{ga467::encode_answer(ga467::kStatusNoCard)};
  }
  if (cmd == 0x20 && para == 0x02) {   // select card: the card's serial, here zeros
    const std::vector<std::uint8_t> serial(8, 0x00);
    return there ? Reply{ga467::encode_answer(ga467::kStatusOk, serial)}
                 : Reply{ga467::encode_answer(ga467::kStatusSelectFailed)};
  }
  if (cmd == 0x30 && para == 0x01) return there ? read_base() : Reply{ga467::encode_answer(ga467::kStatusReadFailed)};
  return {ga467::encode_answer(ga467::kStatusCommandError)};
}

// The card's text and the stand-in photo; once answered, the card is not found again.
Reply ReaderModel::read_base() {
  m_halted = true;
  const auto text = ga467::encode_text_block(*m_card);
  if (!text.ok()) return {ga467::encode_answer(ga467::kStatusReadFailed)};
  // 256 text bytes, 1024 photo bytes (sized first: GCC 12 misjudges growing inserts here).
  const auto photo = stand_in_photo();
  std::vector<std::uint8_t> data(4 + text->size() + photo.size());
  data[0] = 0x01;
  data[2] = 0x04;
  std::copy(text->begin(), text->end(), data.begin() + 4);
  std::copy(photo.begin(), photo.end(), data.begin() + 4 + static_cast<std::ptrdiff_t>(text->size()));
  Reply reply{ga467::encode_answer(ga467::kStatusOk, data)};
  switch (m_fault) {
    case Fault::Garbage: reply.bytes = noise(300); break;
    case Fault::HalfFrame: reply.bytes.resize(reply.bytes.size() / 2); break;
    case Fault::BadCheck: reply.bytes.back() ^= 0x5A; break;
    case Fault::Unplug:
      reply.bytes.resize(reply.bytes.size() / 2);
      reply.unplug_after = true;
      break;
    case Fault::SlowSam: reply.delay_ms = m_slow_ms; break;
    case Fault::None:
    case Fault::NoCard: break;
  }
  return reply;
}

core::Result<core::IdCard> load_card(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error{"card_open", path + ": cannot read the card file"};
  std::ostringstream text;
  text << in.rdbuf();
  auto card = drivers::card_reader::parse_card_file(text.str());
  if (!card.ok()) return core::Error{card.error().code, path + ": " + card.error().message};
  if (const auto block = ga467::encode_text_block(*card); !block.ok())
    return core::Error{block.error().code, path + ": " + block.error().message};
  return card;
}

}  // namespace kiosk::tools::reader_sim
