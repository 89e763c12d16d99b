// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How personal identifiers are shown on screen (docs/domain.md, personal data): a name
// keeps its first and last character (张*明, 李*), an ID number its first 6 and last 4
// (141081********0356), a certificate number likewise with its category, grade and B
// suffix hidden, a phone its first 3 and last 4 (138****1234), an address stops at the
// village or street. Shared by the identity service's screens and the demo gateway's
// answers. Pure functions, any thread; UTF-8 in, UTF-8 out.
#include <string>
#include <string_view>

namespace kiosk::core {

std::string mask_name(std::string_view name);
std::string mask_id_number(std::string_view id_number);
std::string mask_certificate_number(std::string_view certificate_number);
std::string mask_phone(std::string_view phone);
// Keeps an address down to the village only (docs/domain.md 5), the rest as "****":
// the township (街道, 镇, 乡, 苏木) and the village or community in it (村, 社区, 居委会, 嘎查);
// without a village the township; without either the county or district (the last 县, 区,
// 市 or 旗), else the first 6 characters. A township mark followed by 市/县/区 is part of
// a place name (镇江市, 乡宁县). "山西省侯马市上马街道东阳村3组12号" → "山西省侯马市上马街道东阳村****".
std::string mask_address(std::string_view address);

}  // namespace kiosk::core
