// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/x_errors.h"

#include <X11/Xlib.h>
#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstring>

#include <SDL.h>
#include <SDL_syswm.h>

namespace kiosk::app {

namespace {

std::atomic<bool> g_lost{false};
std::atomic<bool> g_set_up{false};

// The two Xlib calls made here, from the libX11 SDL loaded; set only when SDL drives X11.
using GetAttributes = Status (*)(Display*, Window, XWindowAttributes*);
using Sync = int (*)(Display*, Bool);
GetAttributes g_get_attributes = nullptr;
Sync g_sync = nullptr;

// The kiosk's window on SDL's connection, once set up.
Display* g_display = nullptr;
Window g_window = 0;

int on_x_error(Display*, XErrorEvent* event) {
  // BadWindow / BadDrawable: our window no longer exists. Anything else is logged and
  // survived: the kiosk keeps serving rather than die on one failed request.
  if (event->error_code == BadWindow || event->error_code == BadDrawable) {
    if (!g_lost.exchange(true))
      std::fprintf(stderr, "kiosk: X error %d: the window was destroyed from outside\n", event->error_code);
    // While SDL sets the window up it waits, without a timeout, for the server to map
    // it; a window destroyed before that is never mapped, and nothing would come back
    // here to the event loop. No session exists yet: end the process now.
    if (!g_set_up.load()) {
      say_window_gone();
      _exit(1);
    }
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
  g_get_attributes = reinterpret_cast<GetAttributes>(dlsym(x11, "XGetWindowAttributes"));
  g_sync = reinterpret_cast<Sync>(dlsym(x11, "XSync"));
}

void x_window_set_up(std::uint32_t sdl_window_id) {
  SDL_Window* window = g_get_attributes && g_sync ? SDL_GetWindowFromID(sdl_window_id) : nullptr;
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (window && SDL_GetWindowWMInfo(window, &info) && info.subsystem == SDL_SYSWM_X11) {
    g_display = info.info.x11.display;
    g_window = info.info.x11.window;
    g_sync(g_display, False);   // an error from the set-up is handled here, and ends it
  }
  g_set_up = true;
}

bool x_window_lost() { return g_lost.load(); }

bool x_window_exists() {
  if (g_lost.load()) return false;
  if (!g_display) return true;   // SDL does not drive X11
  XWindowAttributes attributes;
  // A window gone answers BadWindow: the handler above logs it and records the loss.
  if (g_get_attributes(g_display, g_window, &attributes) == 0) g_lost = true;
  return !g_lost.load();
}

void say_window_gone() {
  std::fputs("kiosk: the kiosk window is gone (destroyed from outside); exiting so the service restarts it\n", stderr);
  std::fflush(stderr);
}

}  // namespace kiosk::app
