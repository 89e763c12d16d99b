// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/x_errors.h"

#include <X11/Xlib.h>
#include <dlfcn.h>

#include <atomic>
#include <cstdio>
#include <cstring>

#include <SDL.h>

namespace kiosk::app {

namespace {

std::atomic<bool> g_lost{false};

int on_x_error(Display*, XErrorEvent* event) {
  // BadWindow / BadDrawable: our window no longer exists. Anything else is logged and
  // survived: the kiosk keeps serving rather than die on one failed request.
  if (event->error_code == BadWindow || event->error_code == BadDrawable) {
    if (!g_lost.exchange(true))
      std::fprintf(stderr, "kiosk: X error %d: the window was destroyed from outside\n", event->error_code);
  } else {
    std::fprintf(stderr, "kiosk: X error %d (request %d) ignored\n", event->error_code, event->request_code);
  }
  return 0;
}

}  // namespace

void watch_x_errors() {
  const char* driver = SDL_GetCurrentVideoDriver();
  if (!driver || std::strcmp(driver, "x11") != 0) return;
  // SDL loads libX11 at run time; ask the same library, so no link-time dependency.
  void* x11 = dlopen("libX11.so.6", RTLD_LAZY | RTLD_NOLOAD);
  if (!x11) return;
  using SetHandler = XErrorHandler (*)(XErrorHandler);
  if (auto set = reinterpret_cast<SetHandler>(dlsym(x11, "XSetErrorHandler"))) set(on_x_error);
}

bool x_window_lost() { return g_lost.load(); }

}  // namespace kiosk::app
