// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/ui/masking.h"

#include <algorithm>
#include <initializer_list>

#include "kiosk/core/text/utf8.h"

namespace kiosk::core {
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

namespace {

// Where `mark` ends at or after `from`, skipping uses inside a larger place name: a township
// mark directly followed by 市, 县 or 区 names a city or county (镇江市, 乡宁县); npos if none.
std::size_t end_of(const std::u32string& chars, const std::u32string& mark, std::size_t from) {
  for (std::size_t at = chars.find(mark, from); at != std::u32string::npos; at = chars.find(mark, at + 1)) {
    const std::size_t after = at + mark.size();
    if (after < chars.size() && std::u32string_view(U"市县区").find(chars[after]) != std::u32string_view::npos) continue;
    return after;
  }
  return std::u32string::npos;
}

std::size_t first_end(const std::u32string& chars, std::initializer_list<std::u32string_view> marks, std::size_t from) {
  std::size_t cut = std::u32string::npos;
  for (const std::u32string_view mark : marks) cut = std::min(cut, end_of(chars, std::u32string(mark), from));
  return cut;
}

}  // namespace

std::string mask_address(std::string_view address) {
  const std::u32string chars = utf8_to_u32(address);
  // Township level (街道, 镇, 乡, 苏木), then the village or community inside it (村, 社区,
  // 居委会, 嘎查); the village is looked for after the township when there is one.
  const std::size_t township = first_end(chars, {U"街道", U"镇", U"乡", U"苏木"}, 0);
  std::size_t cut = first_end(chars, {U"村", U"社区", U"居委会", U"嘎查"}, township == std::u32string::npos ? 0 : township);
  if (cut != std::u32string::npos && chars.compare(cut, 3, U"居委会") == 0) cut += 3;   // 东风社区居委会
  if (cut == std::u32string::npos) cut = township;
  if (cut == std::u32string::npos) {
    // No township or village: the county or district at most (a street and number never).
    const std::size_t county = chars.find_last_of(U"县区市旗");
    cut = county == std::u32string::npos ? std::min<std::size_t>(chars.size(), 6) : county + 1;
  }
  if (cut >= chars.size()) return u32_to_utf8(chars);
  return u32_to_utf8(chars.substr(0, cut)) + "****";
}

}  // namespace kiosk::core
