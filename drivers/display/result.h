// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The display driver's fallible calls return the project's one Result (kiosk/core/result.h);
// error codes are e.g. "theme_parse", "sdl_init", "font_open".
#include "kiosk/core/result.h"

namespace kiosk::drivers::display {

using Error = core::Error;
using Ok = core::Ok;
template <class T>
using Result = core::Result<T>;
using Status = Result<Ok>;

}  // namespace kiosk::drivers::display
