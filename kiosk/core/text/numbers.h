// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Number words for the speech normaliser, Mandarin and English. Pure, any thread.
// Inputs are digit strings (ASCII '0'-'9' only) so that arbitrarily long codes never
// overflow; cardinals accept up to 16 digits and fall back to digit-by-digit reading.
#include <string>
#include <string_view>

namespace kiosk::core::speech {

enum class DigitOne { Yi, Yao };  // how a digit 1 is read in Mandarin: 一 or 幺 (phones)
enum class TwoForm { Er, Liang };  // a bare 2 before a measure word is 两

// "0123" -> 零一二三 (or 零幺二三).
std::u32string zh_digits(std::u32string_view digits, DigitOne one = DigitOne::Yi);
// "1234" -> 一千二百三十四; "10" -> 十; "2" with TwoForm::Liang -> 两; 2000 -> 两千.
std::u32string zh_cardinal(std::u32string_view digits, TwoForm two = TwoForm::Er);
// "3.14" style: integer part as cardinal, fraction digit by digit after 点.
std::u32string zh_decimal(std::u32string_view integer, std::u32string_view fraction);

// "0123" -> "zero one two three".
std::u32string en_digits(std::u32string_view digits);
// "1234" -> "one thousand two hundred thirty-four".
std::u32string en_cardinal(std::u32string_view digits);
std::u32string en_decimal(std::u32string_view integer, std::u32string_view fraction);
// 1..31 -> "first" .. "thirty-first".
std::u32string en_ordinal(int n);
// 2024 -> "twenty twenty-four", 2005 -> "two thousand five", 1990 -> "nineteen ninety".
std::u32string en_year(int year);
std::u32string en_month(int month);  // 1..12 -> "January"..

// Value of a short digit string (at most 9 digits), or -1.
long long digits_value(std::u32string_view digits);

}  // namespace kiosk::core::speech
