// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The speech driver's fallible calls return the project's one Result (kiosk/core/result.h);
// error codes are e.g. "espeak_init_failed". Messages never hold personal data.
#include "kiosk/core/result.h"

namespace kiosk::drivers::speech {

using SpeechError = core::Error;
template <class T>
using SpeechResult = core::Result<T>;

}  // namespace kiosk::drivers::speech
