// SPDX-License-Identifier: GPL-3.0-or-later
// What a resident types or pastes as an ID or certificate number, and what a card reader
// decodes (kiosk/services/identity/id_number.h): any bytes give a number or exactly one
// problem, never a crash; an accepted number is 18 characters whose check character holds.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kiosk/services/identity/id_number.h"

using namespace kiosk::services::identity;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const IdCheck id = check_id_number(text, 20261204);
  if (id.ok() == id.number.empty()) std::abort();   // a number exactly when accepted
  if (id.ok() && (id.number.size() != 18 || id_check_character(id.number.substr(0, 17)) != id.number[17])) std::abort();
  if (!id.ok() && std::string(id_problem_code(id.problem)).empty()) std::abort();
  const CertCheck cert = check_certificate_number(text, 20261204, "141081196804120356");
  if (!cert.ok() && cert.code().empty()) std::abort();
  if (cert.ok() && (cert.category < 1 || cert.category > 7 || cert.grade < 1 || cert.grade > 4)) std::abort();
  return 0;
}
