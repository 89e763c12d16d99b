// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/about/versions.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <brlapi.h>
#include <espeak-ng/speak_lib.h>
#include <liblouis.h>
#include <openssl/crypto.h>
#include <sodium.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "drivers/display/sdl_image_lib.h"
#include "drivers/dynamic_library.h"
#include "drivers/video/clip_decoder.h"
#include "kiosk/backend/http/curl_lib.h"

namespace kiosk::app {

namespace {

std::string dotted(unsigned major, unsigned minor, unsigned patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::string sdl_dotted(const SDL_version& v) { return dotted(v.major, v.minor, v.patch); }

std::string brlapi_version() {
  int major = 0, minor = 0, revision = 0;
  brlapi_getLibraryVersion(&major, &minor, &revision);
  return dotted(static_cast<unsigned>(major), static_cast<unsigned>(minor), static_cast<unsigned>(revision));
}

// SDL2_image, libcurl and libcrypto are opened on first use (drivers/dynamic_library.h);
// asking their versions opens them.
LibraryVersion sdl_image_version() {
  std::string why;
  const drivers::display::SdlImageLib* image = drivers::display::load_sdl_image(&why);
  if (image == nullptr) return {"SDL_image", "not available", why};
  return {"SDL_image", sdl_dotted(*image->linked_version()), ""};
}

LibraryVersion curl_version() {
  std::string why;
  const backend::CurlLib* lib = backend::load_curl(&why);
  if (lib == nullptr) return {"libcurl", "not available", why};
  const curl_version_info_data* curl = lib->version_info(CURLVERSION_NOW);
  return {"libcurl", curl->version, curl->ssl_version != nullptr ? curl->ssl_version : ""};
}

// Only this line needs libcrypto in the kiosk itself (libcurl's TLS brings it when opened).
LibraryVersion openssl_version() {
  const std::string soname = "libcrypto.so." + std::to_string(OPENSSL_VERSION_MAJOR);
  drivers::DynamicLibraries lib;
  decltype(&::OpenSSL_version) version = nullptr;
  if (lib.open({soname.c_str()})) lib.find(version, "OpenSSL_version");
  if (version == nullptr) return {"OpenSSL", "not available", lib.error()};
  return {"OpenSSL", version(OPENSSL_VERSION_STRING), ""};
}

}  // namespace

std::vector<LibraryVersion> loaded_library_versions() {
  SDL_version sdl{};
  SDL_GetVersion(&sdl);
  const drivers::video::LibAvVersions ffmpeg = drivers::video::libav_versions();   // dlopens FFmpeg
  return {
      {"eSpeak NG", espeak_Info(nullptr), ""},
      {"liblouis", lou_version(), ""},
      {"BrlAPI", brlapi_version(), ""},
      {"SDL", sdl_dotted(sdl), ""},
      {"SDL_ttf", sdl_dotted(*TTF_Linked_Version()), ""},
      sdl_image_version(),
      {"FFmpeg", ffmpeg.version, ffmpeg.detail},
      {"SQLite", sqlite3_libversion(), ""},
      curl_version(),
      openssl_version(),
      {"libsodium", sodium_version_string(), ""},
      // Neither asks at run time: json is header-only (compiled in); toml++ has no call.
      {"nlohmann/json",
       dotted(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH),
       "built in"},
      {"toml++", dotted(TOML_LIB_MAJOR, TOML_LIB_MINOR, TOML_LIB_PATCH), "as built; no run-time query"},
  };
}

std::string version_text() {
  std::string out = "kiosk " KIOSK_VERSION "\n";
  out += "Licence: GPL-3.0-or-later (GNU General Public License, version 3 or any later version).\n"
         "This is free software: you may change and redistribute it under that licence. There is\n"
         "NO WARRANTY, to the extent permitted by law. Licence text: LICENSE; third-party\n"
         "libraries and data: docs/third-party.md.\n";
  out += "Libraries loaded:\n";
  for (const LibraryVersion& lib : loaded_library_versions()) {
    out += "  " + lib.name + " " + lib.version;
    if (!lib.detail.empty()) out += " (" + lib.detail + ")";
    out += "\n";
  }
  return out;
}

}  // namespace kiosk::app
