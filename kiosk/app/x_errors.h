// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// X errors on the kiosk's window. Xlib's default handler exits the process with a raw
// protocol dump when the window is destroyed from outside (`xdotool windowclose`, a
// misbehaving window manager); this one records the loss instead, so the event loop
// can log one clear line and exit for the service manager to restart the kiosk.
// Main thread only; a no-op when SDL does not drive X11.
namespace kiosk::app {

// Installs the handler for the connection SDL opened; call after the window exists.
void watch_x_errors();
// True once an X error said the window (or another resource of ours) is gone.
bool x_window_lost();

}  // namespace kiosk::app
