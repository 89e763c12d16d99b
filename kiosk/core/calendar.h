// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Civil dates as day numbers (days since 1970-01-01, proleptic Gregorian calendar), for the
// little date arithmetic the services and the demo gateway do: how many days to a card's
// expiry, a child's age, the day after a slot. One copy of H. Hinnant's algorithms.
// Pure functions, any thread.
#include <string_view>

namespace kiosk::core {

struct CivilDate {
  int year = 1970;
  int month = 1;   // 1..12
  int day = 1;     // 1..31
};

// The day number of a date; month 1..12 and day 1..31 are not checked against the month's
// length (2026-02-31 is 2026-03-03).
long days_from_civil(int year, int month, int day);

// The date of a day number (the inverse of days_from_civil).
CivilDate civil_from_days(long days);

// The day number of an ISO date "YYYY-MM-DD" (its first ten characters: a time after it is
// ignored); -1 when they are not a date (not digits and dashes, month outside 1..12, day
// outside 1..31).
long day_number(std::string_view iso_date);

}  // namespace kiosk::core
