// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The card's 256-byte text block, UCS-2 little-endian, each field padded with spaces:
//
//   name 30 | sex 2 | nation 4 | birth 16 | address 70 | id number 36 | authority 30 |
//   valid from 16 | valid to 16 | reserved 36                          (bytes)
//
// Sex is a GB/T 2261.1 code (1 男, 2 女, 0 未知, 9 未说明), nation a GB 3304 code (01 汉 ...
// 56 基诺, 97 其他, 98 外国血统中国籍人士); both become the words the card prints, and a code
// no table knows is shown as the code. Pure; any thread. The block is personal data: the
// caller wipes it.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/core/flow/id_card.h"
#include "kiosk/core/result.h"

namespace kiosk::drivers::card_reader::ga467 {

inline constexpr std::size_t kTextBlockSize = 256;

// Any 256 bytes give a card (an invalid UCS-2 unit becomes U+FFFD); trailing spaces and
// NULs are trimmed from each field. Only the size is checked here.
core::Result<core::IdCard> decode_text_block(std::span<const std::uint8_t> block);

// The reverse, for the reader simulator and tests: the words back to codes (a word no
// table knows must itself be the code: "1", "97"), each field in its width. Errors name
// the field that does not fit.
core::Result<std::array<std::uint8_t, kTextBlockSize>> encode_text_block(const core::IdCard& card);

// The code tables (GB/T 2261.1, GB 3304). Unknown: the code itself / an empty string.
std::string sex_word(std::string_view code);
std::string nation_word(std::string_view code);
std::string sex_code(std::string_view word);
std::string nation_code(std::string_view word);

}  // namespace kiosk::drivers::card_reader::ga467
