// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The kiosk application: command line (docs/design.md section 5), config, drivers, the
// event loop. Returns the process exit code: 0 done, 1 runtime failure, 2 bad
// arguments, script or config.
namespace kiosk::app {
int run(int argc, char** argv);
}
