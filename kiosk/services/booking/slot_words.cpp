// SPDX-License-Identifier: GPL-3.0-or-later
// Dates and times of slots in words, and the little calendar arithmetic the flow needs.
#include <array>
#include <cstdio>

#include "kiosk/core/calendar.h"
#include "kiosk/services/booking/slot_flow.h"

namespace kiosk::services::booking {
namespace {

struct Parsed {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  bool ok = false;
};

Parsed parse(const std::string& text) {
  Parsed p;
  char sep = 0;
  const int n = std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &p.y, &p.mo, &p.d, &sep, &p.h, &p.mi, &p.s);
  p.ok = n == 7 && (sep == 'T' || sep == ' ') && p.mo >= 1 && p.mo <= 12 && p.d >= 1 && p.d <= 31 && p.h < 24 &&
         p.mi < 60 && p.s < 61;
  return p;
}

}  // namespace

std::string day_words(const std::string& rfc3339, const std::string& language) {
  const Parsed p = parse(rfc3339);
  if (!p.ok) return {};
  static constexpr std::array<const char*, 7> kZh{"星期四", "星期五", "星期六", "星期日", "星期一", "星期二", "星期三"};
  static constexpr std::array<const char*, 7> kEn{"Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"};
  static constexpr std::array<const char*, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November", "December"};
  const long days = core::days_from_civil(p.y, p.mo, p.d);
  const auto weekday = static_cast<std::size_t>(((days % 7) + 7) % 7);   // 1970-01-01 was a Thursday
  char out[64];
  if (language == "en")
    std::snprintf(out, sizeof out, "%d %s, %s", p.d, kMonths[static_cast<std::size_t>(p.mo - 1)], kEn[weekday]);
  else
    std::snprintf(out, sizeof out, "%d月%d日 %s", p.mo, p.d, kZh[weekday]);
  return out;
}

std::string time_words(const std::string& rfc3339) {
  const Parsed p = parse(rfc3339);
  if (!p.ok) return {};
  char out[16];
  std::snprintf(out, sizeof out, "%d:%02d", p.h, p.mi);
  return out;
}

std::int64_t ms_between(const std::string& from, const std::string& to) {
  const Parsed a = parse(from), b = parse(to);
  if (!a.ok || !b.ok || from.size() < 19 || to.size() < 19 || from.substr(19) != to.substr(19)) return -1;
  auto seconds = [](const Parsed& p) {
    return static_cast<std::int64_t>(core::days_from_civil(p.y, p.mo, p.d)) * 86400 + p.h * 3600 + p.mi * 60 + p.s;
  };
  return (seconds(b) - seconds(a)) * 1000;
}

std::string date_after(int yyyymmdd, int days) {
  const core::CivilDate date =
      core::civil_from_days(core::days_from_civil(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100) + days);
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", date.year, date.month, date.day);
  return out;
}

}  // namespace kiosk::services::booking
