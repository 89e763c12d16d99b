// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The project's one UTF-8 decoder and encoder, and the character classes the speech
// normaliser uses. Pure functions, any thread. An invalid or cut-off sequence decodes to
// one U+FFFD per byte, so a bad string from the backend can never stop speech, wrapping
// or braille, and every byte is accounted for.
#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::core::speech {

struct Utf8Step {
  char32_t cp;        // U+FFFD for an invalid byte
  std::size_t size;   // bytes taken, 1..4
};
// The code point that starts at byte `at` (at < text.size()).
Utf8Step utf8_next(std::string_view text, std::size_t at);
void append_utf8(std::string& out, char32_t c);

std::u32string utf8_to_u32(std::string_view text);
std::string u32_to_utf8(std::u32string_view text);

// CJK unified ideographs (basic, extension A, compatibility) and 〇.
bool is_han(char32_t c);
bool is_ascii_digit(char32_t c);
bool is_ascii_letter(char32_t c);
// Spaces of any width (ASCII, ideographic U+3000, no-break).
bool is_space(char32_t c);
// A full-width ASCII form (U+FF01..U+FF5E, as typed with a Chinese input method) as its
// half-width twin; any other code point as it is.
char32_t half_width(char32_t c);

}  // namespace kiosk::core::speech
