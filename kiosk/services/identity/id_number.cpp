// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/identity/id_number.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "kiosk/core/text/utf8.h"

namespace kiosk::services::identity {

namespace {

// GB/T 2260 province-level codes, Hong Kong, Macao and Taiwan residence permits included.
constexpr std::array<int, 35> kProvinces{11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                                         44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number_at(std::string_view s, std::size_t pos, std::size_t len) {
  int n = 0;
  for (std::size_t i = pos; i < pos + len; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

bool real_date(int year, int month, int day) {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// The checks after the shape: province, date, check character.
IdProblem check_parts(std::string_view id, int today) {
  if (std::find(kProvinces.begin(), kProvinces.end(), number_at(id, 0, 2)) == kProvinces.end())
    return IdProblem::Region;
  const int birth = number_at(id, 6, 8);
  if (!real_date(birth / 10000, birth / 100 % 100, birth % 100) || birth > today) return IdProblem::Date;
  if (id_check_character(id.substr(0, 17)) != id[17]) return IdProblem::Checksum;
  return IdProblem::None;
}

}  // namespace

const char* id_problem_code(IdProblem problem) {
  switch (problem) {
    case IdProblem::None: return "";
    case IdProblem::Length: return "id_length";
    case IdProblem::Characters: return "id_characters";
    case IdProblem::Region: return "id_region";
    case IdProblem::Date: return "id_date";
    case IdProblem::Checksum: return "id_checksum";
  }
  return "";
}

std::string normalise_id_input(std::string_view raw) {
  std::string out;
  for (char32_t c : core::speech::utf8_to_u32(raw)) {
    if (c == U'\u3000' || core::speech::is_space(c)) continue;
    c = core::speech::half_width(c);
    if (c == U'x') c = U'X';
    core::speech::append_utf8(out, c);
  }
  return out;
}

char id_check_character(std::string_view first17) {
  constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 17 && i < first17.size(); ++i) sum += (first17[i] - '0') * kWeights[i];
  return "10X98765432"[sum % 11];
}

IdCheck check_id_number(std::string_view raw, int today) {
  IdCheck out;
  std::string id = normalise_id_input(raw);
  const std::size_t length = core::speech::utf8_to_u32(id).size();
  if (length == 15 && all_digits(id)) {   // legacy: 19 before the year, a check character after
    id.insert(6, "19");
    id.push_back(id_check_character(id));
    out.converted_from_15 = true;
  } else if (length != 18) {
    out.problem = IdProblem::Length;
    return out;
  }
  if (id.size() != 18 || id[0] == '0' || !all_digits(std::string_view(id).substr(0, 17)) ||
      !(std::isdigit(static_cast<unsigned char>(id[17])) || id[17] == 'X')) {
    out.problem = IdProblem::Characters;
    return out;
  }
  out.problem = check_parts(id, today);
  if (out.ok()) out.number = std::move(id);
  return out;
}

bool under_14(std::string_view id_number, int today) {
  if (id_number.size() != 18 || today <= 0 || !all_digits(id_number.substr(6, 8))) return false;
  int birth = 0;
  for (char c : id_number.substr(6, 8)) birth = birth * 10 + (c - '0');
  return today < birth + 14'0000;   // YYYYMMDD: the 14th birthday is birth + 14 years
}

std::string CertCheck::code() const {
  switch (problem) {
    case CertProblem::None: return "";
    case CertProblem::Format: return "cert_format";
    case CertProblem::IdPart: return id_problem_code(id_problem);
    case CertProblem::IdMismatch: return "cert_id_mismatch";
    case CertProblem::Category: return "cert_category";
    case CertProblem::Grade: return "cert_grade";
  }
  return "";
}

CertCheck check_certificate_number(std::string_view raw, int today, std::string_view person_id) {
  CertCheck out;
  const std::string number = normalise_id_input(raw);
  // ID (18) + category + grade, then an optional replacement suffix B1, B2, ...
  const std::size_t b = number.find('B');
  const std::string_view head = std::string_view(number).substr(0, std::min(b, number.size()));
  const std::string_view suffix = b == std::string::npos ? std::string_view{} : std::string_view(number).substr(b);
  const bool suffix_ok = suffix.empty() || (suffix.size() >= 2 && suffix[1] != '0' && all_digits(suffix.substr(1)));
  if (head.size() != 20 || !suffix_ok || !all_digits(head.substr(18))) {
    out.problem = CertProblem::Format;
    return out;
  }
  const IdCheck id = check_id_number(head.substr(0, 18), today);
  if (!id.ok() || id.converted_from_15) {
    out.problem = CertProblem::IdPart;
    out.id_problem = id.ok() ? IdProblem::Length : id.problem;
    return out;
  }
  if (!person_id.empty() && normalise_id_input(person_id) != id.number) {
    out.problem = CertProblem::IdMismatch;
    return out;
  }
  out.category = head[18] - '0';
  out.grade = head[19] - '0';
  if (out.category < 1 || out.category > 7) out.problem = CertProblem::Category;
  else if (out.grade < 1 || out.grade > 4) out.problem = CertProblem::Grade;
  if (out.ok()) out.number = number;
  return out;
}

}  // namespace kiosk::services::identity
