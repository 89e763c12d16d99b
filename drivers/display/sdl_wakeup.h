// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Wakes the window loop (SDL_WaitEventTimeout) from any thread: a driver's worker that has
// something for the main thread (a card read, a braille key, a backend answer, a timer)
// posts an empty user event, so it is handled at once, not at the loop's next timeout.
#include <SDL.h>

namespace kiosk::drivers::display {

inline void push_sdl_wakeup() {
  SDL_Event event{};
  event.type = SDL_USEREVENT;
  SDL_PushEvent(&event);
}

}  // namespace kiosk::drivers::display
