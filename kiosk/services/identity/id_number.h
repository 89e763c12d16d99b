// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Checks a resident ID number (GB 11643, docs/domain.md "Identity numbers") and a disability
// certificate number (ID + category + grade, optional B suffix) as a resident types them.
// Each problem has one alert code, in the order the checks run, so the message can say
// exactly what is wrong and how to fix it; the check character is never revealed.
// Pure functions, any thread. Input is UTF-8 as typed or pasted; numbers are never logged.
#include <string>
#include <string_view>

namespace kiosk::services::identity {

enum class IdProblem {
  None,
  Length,       // id_length:     not 18 characters (nor a 15-digit legacy number)
  Characters,   // id_characters: anything but digits and a final X, or a leading 0
  Region,       // id_region:     no such province code
  Date,         // id_date:       an impossible birth date, or one in the future
  Checksum,     // id_checksum:   the check character does not match
};
const char* id_problem_code(IdProblem problem);   // "id_length", ...; "" for None

struct IdCheck {
  IdProblem problem = IdProblem::None;
  std::string number;              // the normalised 18-character number (set when None)
  bool converted_from_15 = false;  // a legacy number, converted: read it back to confirm
  bool ok() const { return problem == IdProblem::None; }
};

// Trims spaces, turns full-width digits and letters into half-width, x into X.
std::string normalise_id_input(std::string_view raw);
// The check character (ISO 7064 MOD 11-2) of 17 digits: '0'-'9' or 'X'.
char id_check_character(std::string_view first17);
// today: YYYYMMDD (a birth date after it is refused).
IdCheck check_id_number(std::string_view raw, int today);
// Whether the holder of a valid 18-character number is under 14 on `today` (YYYYMMDD):
// the age below which only a guardian consents (PIPL art. 31). False when unknown.
bool under_14(std::string_view id_number, int today);

enum class CertProblem {
  None,
  Format,       // cert_format:      not ID + category + grade (+ B and a number)
  IdPart,       // the ID part fails: id_problem says how (its id_* code is used)
  IdMismatch,   // cert_id_mismatch: the ID part is not the identified person's
  Category,     // cert_category:    category digit not 1-7
  Grade,        // cert_grade:       grade digit not 1-4
};

struct CertCheck {
  CertProblem problem = CertProblem::None;
  IdProblem id_problem = IdProblem::None;
  std::string number;              // normalised (set when None)
  int category = 0;                // 1-7, a claim: the backend's record decides
  int grade = 0;                   // 1-4
  bool ok() const { return problem == CertProblem::None; }
  std::string code() const;        // the alert code: cert_* or the ID part's id_*
};

// person_id: the identified person's ID number; "" = not known yet (no mismatch check).
CertCheck check_certificate_number(std::string_view raw, int today, std::string_view person_id = {});

}  // namespace kiosk::services::identity
