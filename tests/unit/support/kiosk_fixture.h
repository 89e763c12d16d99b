// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The core state machine under test: a Kiosk with an empty catalogue (texts show as
// their ids) and two themes, driven by commands on a clock the test moves.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "kiosk/core/kiosk/kiosk.h"

namespace kiosk::core::fixtures {

struct KioskTest : ::testing::Test {
  Catalog catalog;
  KioskOptions options = [] {
    KioskOptions o;
    o.themes = {{"default", Message::of("theme.default")}, {"yellow_on_black", Message::of("theme.yellow")}};
    return o;
  }();
  Kiosk kiosk{options, catalog};
  std::int64_t now = 0;
};

template <typename T>
std::vector<T> all_of(const Effects& effects) {
  std::vector<T> out;
  for (const auto& e : effects)
    if (const auto* v = std::get_if<T>(&e)) out.push_back(*v);
  return out;
}

}  // namespace kiosk::core::fixtures
