// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/child_aid/age_rules.h"

#include "kiosk/core/calendar.h"

namespace kiosk::services::child_aid {

namespace {

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in(int year, int month) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

}  // namespace

bool valid_date(int d) {
  const int year = d / 10000, month = d / 100 % 100, day = d % 100;
  return year >= 1900 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 && day <= days_in(year, month);
}

int birthday(int birth, int years) {
  const int year = birth / 10000 + years, month = birth / 100 % 100, day = birth % 100;
  if (month == 2 && day == 29 && !leap(year)) return year * 10000 + 301;
  return year * 10000 + month * 100 + day;
}

int age_on(int birth, int day) {
  int age = day / 10000 - birth / 10000;
  if (age > 0 && day < birthday(birth, age)) --age;
  return age < 0 ? 0 : age;
}

int add_months(int date, int months) {
  int index = (date / 10000) * 12 + (date / 100 % 100 - 1) + months;
  const int year = index / 12, month = index % 12 + 1;
  int day = date % 100;
  if (day > days_in(year, month)) day = days_in(year, month);
  return year * 10000 + month * 100 + day;
}

// Days since 1970-01-01 of a YYYYMMDD date.
static long day_number(int date) { return core::days_from_civil(date / 10000, date / 100 % 100, date % 100); }

int days_between(int a, int b) { return static_cast<int>(day_number(b) - day_number(a)); }

WindowStatus window_status(const Window& window, int birth, int today, int warn_months) {
  WindowStatus s;
  s.starts_on = birthday(birth, window.from_age);
  s.ends_on = birthday(birth, window.inclusive ? window.to_age + 1 : window.to_age);
  if (today < s.starts_on) {
    s.phase = WindowStatus::Phase::NotYet;
  } else if (today >= s.ends_on) {
    s.phase = WindowStatus::Phase::AgedOut;
  } else {
    s.phase = WindowStatus::Phase::Within;
    s.warn = today >= add_months(s.ends_on, -warn_months);
  }
  return s;
}

}  // namespace kiosk::services::child_aid
