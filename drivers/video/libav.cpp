// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/video/libav.h"

#include "drivers/video/clip_decoder.h"

#include <dlfcn.h>

#include <mutex>

namespace kiosk::drivers::video {
namespace {

std::string soname(const char* lib, int major) { return std::string(lib) + ".so." + std::to_string(major); }

std::string dotted(unsigned packed) {
  return std::to_string(packed >> 16) + "." + std::to_string((packed >> 8) & 0xff) + "." + std::to_string(packed & 0xff);
}

struct Loaded {
  LibAv table;
  std::string error;   // empty when every function was found
};

Loaded load() {
  Loaded out;
  // Dependencies first, so each dlopen finds the ones before it already mapped.
  const std::string libs[] = {soname("libavutil", LIBAVUTIL_VERSION_MAJOR), soname("libswscale", LIBSWSCALE_VERSION_MAJOR),
                              soname("libavcodec", LIBAVCODEC_VERSION_MAJOR), soname("libavformat", LIBAVFORMAT_VERSION_MAJOR)};
  void* handles[4] = {};
  for (int i = 0; i < 4; ++i) {
    handles[i] = dlopen(libs[i].c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handles[i] == nullptr) {
      const char* e = dlerror();
      out.error = e != nullptr ? e : libs[i] + ": cannot be opened";
      return out;
    }
  }
  // Each name is looked up in every library (they are few and it runs once).
  auto find = [&](const char* name) -> void* {
    for (void* h : handles)
      if (void* f = dlsym(h, name)) return f;
    if (out.error.empty()) out.error = std::string("FFmpeg has no function ") + name;
    return nullptr;
  };
#define KIOSK_LIBAV_FIND(name) out.table.name = reinterpret_cast<decltype(&::name)>(find(#name));
  KIOSK_LIBAV_FUNCTIONS(KIOSK_LIBAV_FIND)
#undef KIOSK_LIBAV_FIND
  return out;
}

}  // namespace

const LibAv* load_libav(std::string* why) {
  static std::once_flag once;
  static Loaded loaded;
  std::call_once(once, [] { loaded = load(); });
  if (!loaded.error.empty()) {
    if (why != nullptr) *why = loaded.error;
    return nullptr;
  }
  return &loaded.table;
}

LibAvVersions libav_versions() {
  std::string why;
  const LibAv* av = load_libav(&why);
  if (av == nullptr) return {"not available", why};
  return {av->av_version_info(), "libavformat " + dotted(av->avformat_version()) + ", libavcodec " +
                                     dotted(av->avcodec_version()) + ", libswscale " + dotted(av->swscale_version()) +
                                     ", libavutil " + dotted(av->avutil_version())};
}

}  // namespace kiosk::drivers::video
