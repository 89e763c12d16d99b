// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A second X client for the window-lost tests, apart from gtest (Xlib's macros clash).
// Each sets this process's X error handler.
#include <string>

namespace kiosk::testing {

// Destroys the first window anyone creates on `display` as soon as the server says it
// exists, before its creator has mapped it; one its creator destroyed first does not
// count. True once one was destroyed within `ms`.
bool destroy_the_next_window_created(const std::string& display, int ms);

// Plays a window manager that destroys the first window asked to be mapped instead of
// mapping it. True once one was destroyed within `ms`.
bool destroy_the_next_window_to_be_mapped(const std::string& display, int ms);

}  // namespace kiosk::testing
