// SPDX-License-Identifier: GPL-3.0-or-later
#include "x_window_destroyer.h"

#include <X11/Xlib.h>

#include <chrono>
#include <thread>

namespace kiosk::testing {

namespace {

bool g_failed = false;
int note_the_error(Display*, XErrorEvent*) {
  g_failed = true;
  return 0;
}

// Listens on the root window with `mask` and destroys the window of the first event of
// `type` that can still be destroyed (SDL makes short-lived windows while it starts:
// one its creator destroyed first answers BadWindow, and the next is tried).
bool destroy_the_first(const std::string& display, long mask, int type, int ms) {
  Display* x = XOpenDisplay(display.c_str());
  if (!x) return false;
  XSetErrorHandler(note_the_error);
  XSelectInput(x, DefaultRootWindow(x), mask);
  XSync(x, False);
  bool destroyed = false;
  for (int waited = 0; waited < ms && !destroyed; waited += 10) {
    while (!destroyed && XPending(x) > 0) {
      XEvent event;
      XNextEvent(x, &event);
      if (event.type != type) continue;
      g_failed = false;
      XDestroyWindow(x, type == CreateNotify ? event.xcreatewindow.window : event.xmaprequest.window);
      XSync(x, False);
      destroyed = !g_failed;
    }
    if (!destroyed) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  XCloseDisplay(x);
  return destroyed;
}

}  // namespace

bool destroy_the_next_window_created(const std::string& display, int ms) {
  return destroy_the_first(display, SubstructureNotifyMask, CreateNotify, ms);
}

bool destroy_the_next_window_to_be_mapped(const std::string& display, int ms) {
  return destroy_the_first(display, SubstructureRedirectMask, MapRequest, ms);
}

}  // namespace kiosk::testing
