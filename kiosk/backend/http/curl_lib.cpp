// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/http/curl_lib.h"

#include <mutex>

#include "drivers/dynamic_library.h"

namespace kiosk::backend {
namespace {

drivers::LoadedTable<CurlLib> load() {
  drivers::LoadedTable<CurlLib> out;
  drivers::DynamicLibraries libs;
  // libcurl's soname has been 4 since 7.16 (2006), through every 7.x and 8.x release.
  if (libs.open({"libcurl.so.4"})) {
#define KIOSK_CURL_FIND(name) libs.find(out.table.name, "curl_" #name);
    KIOSK_CURL_FUNCTIONS(KIOSK_CURL_FIND)
#undef KIOSK_CURL_FIND
  }
  out.error = libs.error();
  return out;
}

}  // namespace

const CurlLib* load_curl(std::string* why) { return drivers::load_once<CurlLib, load>(why); }

const CurlLib* ensure_curl_global_init(std::string* why) {
  static std::once_flag once;
  static std::string init_error;
  const CurlLib* lib = load_curl(why);
  if (lib == nullptr) return nullptr;
  std::call_once(once, [lib] {
    if (const CURLcode code = lib->global_init(CURL_GLOBAL_DEFAULT); code != CURLE_OK)
      init_error = std::string("curl_global_init failed: ") + lib->easy_strerror(code);
  });
  if (!init_error.empty()) {
    if (why != nullptr) *why = init_error;
    return nullptr;
  }
  return lib;
}

}  // namespace kiosk::backend
