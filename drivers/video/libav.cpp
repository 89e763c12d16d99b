// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/video/libav.h"

#include "drivers/video/clip_decoder.h"

#include "drivers/dynamic_library.h"

namespace kiosk::drivers::video {
namespace {

std::string soname(const char* lib, int major) { return std::string(lib) + ".so." + std::to_string(major); }

std::string dotted(unsigned packed) {
  return std::to_string(packed >> 16) + "." + std::to_string((packed >> 8) & 0xff) + "." + std::to_string(packed & 0xff);
}

LoadedTable<LibAv> load() {
  LoadedTable<LibAv> out;
  DynamicLibraries libs;
  // Dependencies first; each name is looked up in every library (they are few, once).
  if (libs.open({soname("libavutil", LIBAVUTIL_VERSION_MAJOR).c_str(), soname("libswscale", LIBSWSCALE_VERSION_MAJOR).c_str(),
                 soname("libavcodec", LIBAVCODEC_VERSION_MAJOR).c_str(),
                 soname("libavformat", LIBAVFORMAT_VERSION_MAJOR).c_str()})) {
#define KIOSK_LIBAV_FIND(name) libs.find(out.table.name, #name);
    KIOSK_LIBAV_FUNCTIONS(KIOSK_LIBAV_FIND)
#undef KIOSK_LIBAV_FIND
  }
  out.error = libs.error();
  return out;
}

}  // namespace

const LibAv* load_libav(std::string* why) { return load_once<LibAv, load>(why); }

LibAvVersions libav_versions() {
  std::string why;
  const LibAv* av = load_libav(&why);
  if (av == nullptr) return {"not available", why};
  return {av->av_version_info(), "libavformat " + dotted(av->avformat_version()) + ", libavcodec " +
                                     dotted(av->avcodec_version()) + ", libswscale " + dotted(av->swscale_version()) +
                                     ", libavutil " + dotted(av->avutil_version())};
}

}  // namespace kiosk::drivers::video
