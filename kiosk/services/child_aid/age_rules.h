// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Children's rehabilitation aid: the county's age windows (docs/domain.md 3.3), computed
// from the child's birth date on the kiosk's clock. Pure: dates are whole numbers
// YYYYMMDD (the Kiosk's today), nothing else is read.
//
// Ages are whole years (周岁). A child born on 29 February turns a year older on 1 March in
// a year without 29 February. A window [from_age, to_age] starts on the from_age birthday;
// its upper bound is inclusive (a child of to_age years is still in: it ends on the
// (to_age + 1) birthday) or exclusive (it ends on the to_age birthday), as the county's
// profile says.
#include <string>

namespace kiosk::services::child_aid {

struct Window {
  std::string id;         // the gateway's programme code: rescue, community, home
  int from_age = 0;       // whole years, 0-17
  int to_age = 6;         // whole years, from_age-17
  bool inclusive = true;  // a child of to_age years is still in
};

// A real calendar date YYYYMMDD (1900-2199).
bool valid_date(int yyyymmdd);
// The date a child born on `birth` turns `years` old.
int birthday(int birth, int years);
// Whole years of age on `day` (0 before the first birthday).
int age_on(int birth, int day);
// `date` moved by whole months (negative: back); the day is kept, or the month's last day.
int add_months(int date, int months);

// Days from a to b (negative when b is earlier).
int days_between(int a, int b);

struct WindowStatus {
  enum class Phase { NotYet, Within, AgedOut };
  Phase phase = Phase::NotYet;
  int starts_on = 0;   // the first day within
  int ends_on = 0;     // the first day outside (the child has aged out from this day)
  bool warn = false;   // within, and ends_on is at most warn_months away
};

// Where the child stands in the window today; warn_months >= 0.
WindowStatus window_status(const Window& window, int birth, int today, int warn_months);

}  // namespace kiosk::services::child_aid
