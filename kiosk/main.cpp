// SPDX-License-Identifier: GPL-3.0-or-later
// Wiring only: parse the command line, then hand over to the app.
#include "kiosk/app/app.h"

int main(int argc, char** argv) { return kiosk::app::run(argc, argv); }
