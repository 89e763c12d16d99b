// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// X errors on the kiosk's window. Xlib's default handler exits the process with a raw
// protocol dump when the window is destroyed from outside (`xdotool windowclose`, a
// misbehaving window manager); this one records the loss instead, so the event loop
// can log one clear line and exit for the service manager to restart the kiosk.
// Main thread only; a no-op when SDL does not drive X11.
#include <cstdint>

namespace kiosk::app {

// Installs the handler for the connection SDL opened; call before the window exists.
// Until x_window_set_up(), a lost window ends the process from the handler, with the
// clear line and exit 1: SDL would wait forever for a destroyed window to be mapped.
void watch_x_errors();
// The window is set up: one round trip first collects the errors the set-up's requests
// raised (Xlib reports them when it next reads), still under the rule above; the window
// is remembered for x_window_exists().
void x_window_set_up(std::uint32_t sdl_window_id);
// True once an X error said the window (or another resource of ours) is gone.
bool x_window_lost();
// Asks the X server whether the kiosk's window still exists: one round trip. A destroyed
// window raises no error until the kiosk next draws to it, and an idle screen draws
// nothing, so the event loop asks on window events and now and then. Returns true when
// SDL does not drive X11.
bool x_window_exists();
// The one clear line on stderr for the service manager's log.
void say_window_gone();

}  // namespace kiosk::app
