// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/display/sdl_image_lib.h"

#include "drivers/dynamic_library.h"

namespace kiosk::drivers::display {
namespace {

LoadedTable<SdlImageLib> load() {
  LoadedTable<SdlImageLib> out;
  DynamicLibraries libs;
  // SDL2_image's soname: the "-2.0" and ".0" have not changed in any 2.x release.
  if (libs.open({"libSDL2_image-2.0.so.0"})) {
    libs.find(out.table.save_png, "IMG_SavePNG");
    libs.find(out.table.linked_version, "IMG_Linked_Version");
  }
  out.error = libs.error();
  return out;
}

}  // namespace

const SdlImageLib* load_sdl_image(std::string* why) { return load_once<SdlImageLib, load>(why); }

}  // namespace kiosk::drivers::display
