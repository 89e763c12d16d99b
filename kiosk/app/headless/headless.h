// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Headless runs (docs/design.md section 5): SDL's dummy video and audio drivers, a virtual
// clock starting at --now, each script step run to completion before the next.
#include "kiosk/app/config.h"
#include "kiosk/app/options.h"

namespace kiosk::app {
int run_headless(Config& config, const Options& options);
}
