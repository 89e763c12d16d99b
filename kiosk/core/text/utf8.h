// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// UTF-8 <-> UTF-32 conversion and character classes used by the speech normaliser.
// Pure functions, any thread. Invalid UTF-8 bytes decode to U+FFFD so a bad string
// from the backend can never stop speech.
#include <string>
#include <string_view>

namespace kiosk::core::speech {

std::u32string utf8_to_u32(std::string_view text);
std::string u32_to_utf8(std::u32string_view text);

// CJK unified ideographs (basic, extension A, compatibility) and 〇.
bool is_han(char32_t c);
bool is_ascii_digit(char32_t c);
bool is_ascii_letter(char32_t c);
// Spaces of any width (ASCII, ideographic U+3000, no-break).
bool is_space(char32_t c);

}  // namespace kiosk::core::speech
