// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/text/numbers.h"

#include <array>

namespace kiosk::core::speech {
namespace {

constexpr std::array<char32_t, 10> kZhDigit = {U'零', U'一', U'二', U'三', U'四',
                                               U'五', U'六', U'七', U'八', U'九'};
constexpr std::array<std::u32string_view, 20> kEnSmall = {
    U"zero",    U"one",     U"two",       U"three",    U"four",     U"five",    U"six",
    U"seven",   U"eight",   U"nine",      U"ten",      U"eleven",   U"twelve",  U"thirteen",
    U"fourteen", U"fifteen", U"sixteen",  U"seventeen", U"eighteen", U"nineteen"};
constexpr std::array<std::u32string_view, 10> kEnTens = {
    U"", U"", U"twenty", U"thirty", U"forty", U"fifty", U"sixty", U"seventy", U"eighty",
    U"ninety"};

int digit_of(char32_t c) { return static_cast<int>(c - U'0'); }

std::u32string_view strip_leading_zeros(std::u32string_view d) {
  while (d.size() > 1 && d.front() == U'0') d.remove_prefix(1);
  return d;
}

// One 4-digit section (value 1..9999) in Mandarin; `leading` = first section of the number.
std::u32string zh_section(int v, bool leading, TwoForm two) {
  static constexpr std::array<char32_t, 4> kUnit = {U'千', U'百', U'十', 0};
  std::u32string out;
  const int digits[4] = {v / 1000, v / 100 % 10, v / 10 % 10, v % 10};
  bool pending_zero = false;
  bool started = false;
  for (int k = 0; k < 4; ++k) {
    const int d = digits[k];
    if (d == 0) {
      if (started) pending_zero = true;
      continue;
    }
    if (pending_zero || (!started && !leading && k > 0)) out.push_back(U'零');
    pending_zero = false;
    // 十 alone at the start of a number: 12 -> 十二, not 一十二.
    const bool bare_ten = (k == 2 && d == 1 && !started && leading);
    if (!bare_ten) {
      // 两 before 千 (and 百 is fine either way; keep 二百 which is the common reading).
      if (d == 2 && k == 0 && two == TwoForm::Liang) out.push_back(U'两');
      else out.push_back(kZhDigit[static_cast<std::size_t>(d)]);
    }
    if (kUnit[static_cast<std::size_t>(k)] != 0) out.push_back(kUnit[static_cast<std::size_t>(k)]);
    started = true;
  }
  return out;
}

std::u32string en_below_thousand(int v) {
  std::u32string out;
  if (v >= 100) {
    out += kEnSmall[static_cast<std::size_t>(v / 100)];
    out += U" hundred";
    v %= 100;
    if (v != 0) out += U' ';
  }
  if (v >= 20) {
    out += kEnTens[static_cast<std::size_t>(v / 10)];
    if (v % 10 != 0) {
      out += U'-';
      out += kEnSmall[static_cast<std::size_t>(v % 10)];
    }
  } else if (v > 0 || out.empty()) {
    out += kEnSmall[static_cast<std::size_t>(v)];
  }
  return out;
}

}  // namespace

long long digits_value(std::u32string_view digits) {
  if (digits.empty() || digits.size() > 9) return -1;
  long long v = 0;
  for (char32_t c : digits) {
    if (c < U'0' || c > U'9') return -1;
    v = v * 10 + digit_of(c);
  }
  return v;
}

std::u32string zh_digits(std::u32string_view digits, DigitOne one) {
  std::u32string out;
  for (char32_t c : digits) {
    const int d = digit_of(c);
    out.push_back(d == 1 && one == DigitOne::Yao ? U'幺' : kZhDigit[static_cast<std::size_t>(d)]);
  }
  return out;
}

std::u32string zh_cardinal(std::u32string_view digits, TwoForm two) {
  digits = strip_leading_zeros(digits);
  if (digits.size() > 16) return zh_digits(digits);
  if (digits == U"0") return U"零";
  if (digits == U"2") return two == TwoForm::Liang ? U"两" : U"二";
  // Split into 4-digit sections from the right: 亿 (10^8) and 万 (10^4).
  static constexpr std::array<std::u32string_view, 4> kBig = {U"", U"万", U"亿", U"万亿"};
  std::u32string out;
  const std::size_t sections = (digits.size() + 3) / 4;
  bool zero_gap = false;
  for (std::size_t s = 0; s < sections; ++s) {
    const std::size_t from_right = sections - 1 - s;
    const std::size_t end = digits.size() - from_right * 4;
    const std::size_t begin = end >= 4 ? end - 4 : 0;
    int v = 0;
    for (std::size_t k = begin; k < end; ++k) v = v * 10 + digit_of(digits[k]);
    if (v == 0) {
      zero_gap = true;
      continue;
    }
    const bool leading = out.empty();
    if (!leading && (zero_gap || v < 1000)) {
      if (out.back() != U'零') out.push_back(U'零');
    }
    // 两 before 千 in every section: 12,345元 is 一万两千…, as it is said.
    std::u32string sec = zh_section(v, leading, two);
    if (leading && v == 2 && from_right > 0 && two == TwoForm::Liang) sec = U"两";  // 两万
    // A section's own leading 零 is already covered by the gap marker above.
    if (!leading && !sec.empty() && sec.front() == U'零') sec.erase(0, 1);
    out += sec;
    out += kBig[from_right];
    zero_gap = false;
  }
  return out;
}

std::u32string zh_decimal(std::u32string_view integer, std::u32string_view fraction) {
  std::u32string out = zh_cardinal(integer.empty() ? U"0" : integer);
  if (!fraction.empty()) {
    out.push_back(U'点');
    out += zh_digits(fraction);
  }
  return out;
}

std::u32string en_digits(std::u32string_view digits) {
  std::u32string out;
  for (char32_t c : digits) {
    if (!out.empty()) out.push_back(U' ');
    out += kEnSmall[static_cast<std::size_t>(digit_of(c))];
  }
  return out;
}

std::u32string en_cardinal(std::u32string_view digits) {
  digits = strip_leading_zeros(digits);
  if (digits.size() > 12) return en_digits(digits);
  static constexpr std::array<std::u32string_view, 4> kScale = {U"", U" thousand", U" million",
                                                                U" billion"};
  std::u32string out;
  const std::size_t groups = (digits.size() + 2) / 3;
  for (std::size_t g = 0; g < groups; ++g) {
    const std::size_t from_right = groups - 1 - g;
    const std::size_t end = digits.size() - from_right * 3;
    const std::size_t begin = end >= 3 ? end - 3 : 0;
    int v = 0;
    for (std::size_t k = begin; k < end; ++k) v = v * 10 + digit_of(digits[k]);
    if (v == 0 && groups > 1) continue;
    if (!out.empty()) out.push_back(U' ');
    out += en_below_thousand(v);
    out += kScale[from_right];
  }
  return out;
}

std::u32string en_decimal(std::u32string_view integer, std::u32string_view fraction) {
  std::u32string out = en_cardinal(integer.empty() ? U"0" : integer);
  if (!fraction.empty()) {
    out += U" point ";
    out += en_digits(fraction);
  }
  return out;
}

std::u32string en_ordinal(int n) {
  static constexpr std::array<std::u32string_view, 20> kOrd = {
      U"zeroth",     U"first",      U"second",     U"third",       U"fourth",
      U"fifth",      U"sixth",      U"seventh",    U"eighth",      U"ninth",
      U"tenth",      U"eleventh",   U"twelfth",    U"thirteenth",  U"fourteenth",
      U"fifteenth",  U"sixteenth",  U"seventeenth", U"eighteenth", U"nineteenth"};
  static constexpr std::array<std::u32string_view, 10> kTensOrd = {
      U"", U"", U"twentieth", U"thirtieth", U"", U"", U"", U"", U"", U""};
  if (n >= 0 && n < 20) return std::u32string(kOrd[static_cast<std::size_t>(n)]);
  if (n >= 20 && n < 40) {
    if (n % 10 == 0) return std::u32string(kTensOrd[static_cast<std::size_t>(n / 10)]);
    std::u32string out(kEnTens[static_cast<std::size_t>(n / 10)]);
    out += U'-';
    out += kOrd[static_cast<std::size_t>(n % 10)];
    return out;
  }
  return en_below_thousand(n);
}

std::u32string en_year(int year) {
  if (year >= 2000 && year < 2010) return en_below_thousand(2) + U" thousand" +
                                          (year == 2000 ? U"" : U" " + en_below_thousand(year % 10));
  if (year >= 1100 && year < 2100) {
    std::u32string out = en_below_thousand(year / 100);
    const int rest = year % 100;
    if (rest == 0) return out + U" hundred";
    out.push_back(U' ');
    if (rest < 10) out += U"oh ";
    return out + en_below_thousand(rest);
  }
  const std::u32string digits = [&] {
    std::u32string d;
    for (char c : std::to_string(year)) d.push_back(static_cast<char32_t>(c));
    return d;
  }();
  return en_cardinal(digits);
}

std::u32string en_month(int month) {
  static constexpr std::array<std::u32string_view, 12> kMonths = {
      U"January", U"February", U"March",     U"April",   U"May",      U"June",
      U"July",    U"August",   U"September", U"October", U"November", U"December"};
  if (month < 1 || month > 12) return U"";
  return std::u32string(kMonths[static_cast<std::size_t>(month - 1)]);
}

}  // namespace kiosk::core::speech
