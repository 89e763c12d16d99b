// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SDL2_image, loaded on first use. The kiosk only writes PNG screenshots with it, yet
// libSDL2_image-2.0.so.0 pulls in libtiff, libwebp, libjpeg, libjbig, LERC, libdeflate;
// linked into the kiosk they were mapped and relocated before main(), for a screenshot
// that only a headless script or a technician asks for. SdlDisplay::save_png and the
// about screen open it with dlopen when they first need it. Thread-safe; the table is
// never unloaded.
#include <SDL_image.h>

#include <string>

namespace kiosk::drivers::display {

// The SDL2_image functions the kiosk calls, with their own signatures. (IMG_GetError is
// SDL_GetError, from SDL itself.)
struct SdlImageLib {
  decltype(&::IMG_SavePNG) save_png = nullptr;
  decltype(&::IMG_Linked_Version) linked_version = nullptr;
};

// The table, loaded (dlopen of libSDL2_image-2.0.so.0) on the first call; null if the
// library or a function is missing (then `why` says which).
const SdlImageLib* load_sdl_image(std::string* why = nullptr);

}  // namespace kiosk::drivers::display
