// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/card_reader/ga467_text.h"

#include <utility>

#include "kiosk/core/text/utf8.h"

namespace kiosk::drivers::card_reader::ga467 {

namespace {

using core::speech::append_utf8;
using core::speech::utf8_to_u32;

// The fields in the block's order, with their width in bytes (36 reserved bytes follow).
struct FieldSpec {
  const char* key;
  std::size_t bytes;
  std::string core::IdCard::*member;
};
constexpr FieldSpec kFields[] = {
    {"name", 30, &core::IdCard::name},           {"sex", 2, &core::IdCard::sex},
    {"nation", 4, &core::IdCard::nation},        {"birth", 16, &core::IdCard::birth},
    {"address", 70, &core::IdCard::address},     {"id_number", 36, &core::IdCard::id_number},
    {"authority", 30, &core::IdCard::authority}, {"valid_from", 16, &core::IdCard::valid_from},
    {"valid_to", 16, &core::IdCard::valid_to},
};

// GB/T 2261.1-2003, the sex codes the card uses.
constexpr std::pair<const char*, const char*> kSexes[] = {{"0", "未知"}, {"1", "男"}, {"2", "女"}, {"9", "未说明"}};

// GB 3304-1991, the 56 nations by code (the card prints the name without 族), then the two
// codes for people of other origin.
constexpr const char* kNations[] = {
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西",
    "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
    "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
    "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"};
constexpr std::pair<const char*, const char*> kOtherNations[] = {{"97", "其他"}, {"98", "外国血统中国籍人士"}};

std::string two_digits(std::size_t n) {
  return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

// One field: UCS-2LE units (a surrogate pair is joined; a lone one is U+FFFD), trailing
// spaces and NULs trimmed.
std::string decode_field(std::span<const std::uint8_t> bytes) {
  std::u32string units;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2)
    units.push_back(static_cast<char32_t>(bytes[i] | (bytes[i + 1] << 8)));
  while (!units.empty() && (units.back() == U' ' || units.back() == 0)) units.pop_back();
  std::string out;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const char32_t u = units[i];
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF) {
      append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00));
      ++i;
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      append_utf8(out, 0xFFFD);
    } else {
      append_utf8(out, u);
    }
  }
  return out;
}

// False when `text` needs more than `bytes` bytes of UTF-16.
bool encode_field(const std::string& text, std::uint8_t* out, std::size_t bytes) {
  std::u16string units;
  for (const char32_t c : utf8_to_u32(text)) {
    if (c > 0xFFFF) {
      units.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      units.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      units.push_back(static_cast<char16_t>(c));
    }
  }
  if (units.size() * 2 > bytes) return false;
  units.resize(bytes / 2, u' ');
  for (std::size_t i = 0; i < units.size(); ++i) {
    out[2 * i] = static_cast<std::uint8_t>(units[i] & 0xFF);
    out[2 * i + 1] = static_cast<std::uint8_t>(units[i] >> 8);
  }
  return true;
}

}  // namespace

std::string sex_word(std::string_view code) {
  for (const auto& [c, word] : kSexes)
    if (code == c) return word;
  return std::string(code);
}

std::string sex_code(std::string_view word) {
  for (const auto& [code, w] : kSexes)
    if (word == w) return code;
  return std::string(word);
}

std::string nation_word(std::string_view code) {
  if (code.size() == 2 && code[0] >= '0' && code[0] <= '9' && code[1] >= '0' && code[1] <= '9') {
    const std::size_t n = static_cast<std::size_t>((code[0] - '0') * 10 + (code[1] - '0'));
    if (n >= 1 && n <= std::size(kNations)) return kNations[n - 1];
  }
  for (const auto& [c, word] : kOtherNations)
    if (code == c) return word;
  return std::string(code);
}

std::string nation_code(std::string_view word) {
  for (std::size_t i = 0; i < std::size(kNations); ++i)
    if (word == kNations[i]) return two_digits(i + 1);
  for (const auto& [code, w] : kOtherNations)
    if (word == w) return code;
  return std::string(word);
}

core::Result<core::IdCard> decode_text_block(std::span<const std::uint8_t> block) {
  if (block.size() != kTextBlockSize)
    return core::Error{"ga467_text_size", "the card's text block is not 256 bytes"};
  core::IdCard card;
  std::size_t at = 0;
  for (const FieldSpec& field : kFields) {
    card.*field.member = decode_field(block.subspan(at, field.bytes));
    at += field.bytes;
  }
  card.sex = sex_word(card.sex);
  card.nation = nation_word(card.nation);
  return card;
}

core::Result<std::array<std::uint8_t, kTextBlockSize>> encode_text_block(const core::IdCard& card) {
  std::array<std::uint8_t, kTextBlockSize> block{};
  core::IdCard coded = card;
  coded.sex = sex_code(card.sex);
  coded.nation = nation_code(card.nation);
  std::size_t at = 0;
  for (const FieldSpec& field : kFields) {
    if (!encode_field(coded.*field.member, block.data() + at, field.bytes))
      return core::Error{"ga467_field_width", std::string("\"") + field.key + "\" is longer than its " +
                                                  std::to_string(field.bytes / 2) + " characters on the card"};
    at += field.bytes;
  }
  encode_field("", block.data() + at, kTextBlockSize - at);   // the reserved tail: spaces
  return block;
}

}  // namespace kiosk::drivers::card_reader::ga467
