// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/app.h"

#include <SDL.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "kiosk/app/about/versions.h"
#include "kiosk/app/channels/channels.h"
#include "kiosk/app/headless/headless.h"
#include "kiosk/app/options.h"
#include "kiosk/app/runtime/runtime.h"
#include "kiosk/app/setup_watchdog.h"
#include "kiosk/app/x_errors.h"

namespace kiosk::app {

namespace {

std::atomic<bool> g_stop{false};
void on_signal(int) { g_stop = true; }

std::string key_name(const SDL_KeyboardEvent& key) {
  std::string name = SDL_GetKeyName(key.keysym.sym);
  if (key.keysym.mod & KMOD_CTRL) name = "Ctrl+" + name;
  return name;
}

std::int64_t wall_ms() { return static_cast<std::int64_t>(SDL_GetTicks64()); }

double ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// The kiosk's window, watched for its destruction from outside (x_errors.h): the X
// server is asked on every window event, and every 2 s, since an idle screen sends it
// nothing that could fail.
class WindowWatch {
 public:
  void saw_a_window_event() { m_next_ask = 0; }
  bool lost(std::int64_t now) {
    if (x_window_lost()) return true;
    if (now < m_next_ask) return false;
    m_next_ask = now + 2000;
    return !x_window_exists();
  }

 private:
  std::int64_t m_next_ask = 0;
};

// The window (or full-screen) loop: waits for input or the next timer, so an idle
// kiosk sleeps. Window-close requests and quit keys are ignored (lockdown); only a
// signal (staff tooling, systemd) ends it.
int run_window(Config& config, const Options& options, std::chrono::steady_clock::time_point started_at) {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  Runtime runtime(config, wall_ms);
  std::string error;
  // The X error handler goes in before the window exists: a window destroyed from outside
  // while it is being set up ends the kiosk from the handler (x_errors.h), after that
  // from this loop.
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) == 0) watch_x_errors();
  {
    SetUpWatchdog watchdog(std::chrono::seconds(10));   // a set-up takes ~0.1 s
    if (!runtime.open_display(options.fullscreen ? drivers::display::DisplayMode::Fullscreen
                                                 : drivers::display::DisplayMode::Window, error)) {
      std::fprintf(stderr, "kiosk: cannot open the display: %s\n", error.c_str());
      return 1;
    }
  }
  x_window_set_up(runtime.display().window_id());
  if (!options.transcript.empty() && !runtime.open_transcript(options.transcript)) {
    std::fprintf(stderr, "kiosk: cannot write %s\n", options.transcript.c_str());
    return 2;
  }
  // The screen first: compiling the braille tables and starting the speech engine take
  // longer than the whole first frame, and a resident must not face a blank screen.
  runtime.show_first_screen();
  std::fprintf(stderr, "kiosk: first frame presented %.0f ms after start\n", ms_since(started_at));
  for (auto& channel : make_channels(config, RunMode::Window)) runtime.add_channel(std::move(channel));
  runtime.start();
  std::int64_t touch_down_at = 0;
  WindowWatch window;
  while (!g_stop) {
    if (window.lost(wall_ms())) {
      // Nothing can be shown any more: one clear line, and exit 1 for systemd to restart.
      say_window_gone();
      return 1;
    }
    std::int64_t wait = 250;   // also how quickly a signal is noticed
    if (const auto deadline = runtime.next_deadline(); deadline >= 0)
      wait = std::clamp<std::int64_t>(deadline - wall_ms(), 0, wait);
    SDL_Event event;
    if (SDL_WaitEventTimeout(&event, static_cast<int>(wait))) {
      do {
        switch (event.type) {
          case SDL_KEYDOWN:
            if (!event.key.repeat) runtime.key(key_name(event.key));   // no auto-repeat (docs/accessibility.md 2)
            break;
          case SDL_MOUSEBUTTONDOWN:
            if (event.button.button == SDL_BUTTON_LEFT) touch_down_at = wall_ms();
            break;
          case SDL_MOUSEBUTTONUP:
            if (event.button.button == SDL_BUTTON_LEFT)
              runtime.touch(event.button.x, event.button.y,
                            wall_ms() - touch_down_at >= 800 ? core::TouchKind::Hold : core::TouchKind::Tap);
            break;
          case SDL_WINDOWEVENT:
            window.saw_a_window_event();
            runtime.redraw();
            break;
          default:
            break;   // SDL_QUIT included: the kiosk does not close on request
        }
      } while (SDL_PollEvent(&event));
    }
    runtime.poll();
    runtime.tick();
    runtime.redraw();
  }
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  const auto started_at = std::chrono::steady_clock::now();
  ParsedOptions parsed = parse_options(argc, argv);
  if (parsed.error) {
    std::fprintf(stderr, "kiosk: %s\n%s", parsed.error->c_str(), usage());
    return 2;
  }
  Options& options = parsed.options;
  if (options.help) {
    std::fputs(usage(), stdout);
    return 0;
  }
  if (options.version) {
    std::fputs(version_text().c_str(), stdout);
    return 0;
  }
  ConfigResult loaded = load_config(options.config);
  if (!loaded.ok()) {
    std::fprintf(stderr, "kiosk: bad configuration:\n%s", loaded.describe().c_str());
    return 2;
  }
  Config& config = *loaded.config;
  if (options.headless || !options.announce.empty()) return run_headless(config, options);
  // SDL_VIDEODRIVER=dummy, set on purpose, is a real-time run without a screen: the same
  // loop, wall clock and driver wake-ups as in a hall (a braille-only stand, the brltty
  // kiosk test), ended by a signal. Headless scripts cannot stand in for it: their
  // virtual clock runs each step to completion, so nothing arrives from a live device.
  const char* video = std::getenv("SDL_VIDEODRIVER");
  const bool dummy_video = video != nullptr && std::string_view(video) == "dummy";
  if (!dummy_video && !std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) {
    std::fprintf(stderr,
                 "kiosk: no display here (DISPLAY is not set); use --headless with --script, "
                 "or SDL_VIDEODRIVER=dummy for a real-time run without a screen\n");
    return 2;
  }
  return run_window(config, options, started_at);
}

}  // namespace kiosk::app
