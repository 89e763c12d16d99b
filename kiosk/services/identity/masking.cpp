// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/identity/masking.h"

#include "kiosk/core/text/utf8.h"

namespace kiosk::services::identity {
namespace {

using core::speech::u32_to_utf8;
using core::speech::utf8_to_u32;

// Keeps `head` characters and `tail` characters, one star for each in between; a value
// too short to keep both is all stars, so nothing personal shows by accident.
std::string keep_ends(std::string_view text, std::size_t head, std::size_t tail) {
  std::u32string chars = utf8_to_u32(text);
  if (chars.size() <= head + tail) return std::string(chars.size(), '*');
  for (std::size_t i = head; i < chars.size() - tail; ++i) chars[i] = U'*';
  return u32_to_utf8(chars);
}

}  // namespace

std::string mask_name(std::string_view name) {
  const std::u32string chars = utf8_to_u32(name);
  if (chars.size() <= 1) return std::string(chars.size(), '*');
  if (chars.size() == 2) return u32_to_utf8(chars.substr(0, 1)) + "*";
  return keep_ends(name, 1, 1);
}

std::string mask_id_number(std::string_view id_number) { return keep_ends(id_number, 6, 4); }

std::string mask_certificate_number(std::string_view certificate_number) {
  // The first 18 characters are the ID number; the rest (category, grade, B) is hidden.
  const std::u32string chars = utf8_to_u32(certificate_number);
  if (chars.size() < 18) return std::string(chars.size(), '*');
  return mask_id_number(u32_to_utf8(chars.substr(0, 18))) + std::string(chars.size() - 18, '*');
}

std::string mask_phone(std::string_view phone) { return keep_ends(phone, 3, 4); }

std::string mask_address(std::string_view address) {
  const std::u32string chars = utf8_to_u32(address);
  std::size_t cut = std::u32string::npos;
  for (const std::u32string mark : {U"村", U"街道", U"镇", U"乡"}) {
    const std::size_t at = chars.find(mark);
    if (at != std::u32string::npos && (cut == std::u32string::npos || at + mark.size() < cut))
      cut = at + mark.size();
  }
  const std::size_t keep = cut == std::u32string::npos ? std::min<std::size_t>(chars.size(), 12) : cut;
  return u32_to_utf8(chars.substr(0, keep));
}

}  // namespace kiosk::services::identity
