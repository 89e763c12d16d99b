// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How personal identifiers are shown on screen (docs/domain.md, personal data): a name
// keeps its first and last character (张*明, 李*), an ID number its first 6 and last 4
// (141081********0356), a certificate number likewise with its category, grade and B
// suffix hidden, a phone its first 3 and last 4 (138****1234), an address stops at the
// village or street. Pure functions, any thread; UTF-8 in, UTF-8 out.
#include <string>
#include <string_view>

namespace kiosk::services::identity {

std::string mask_name(std::string_view name);
std::string mask_id_number(std::string_view id_number);
std::string mask_certificate_number(std::string_view certificate_number);
std::string mask_phone(std::string_view phone);
// Cuts an address after the first 村, 街道, 镇 or 乡 (village level); keeps it whole when
// none is found but never beyond 12 characters.
std::string mask_address(std::string_view address);

}  // namespace kiosk::services::identity
