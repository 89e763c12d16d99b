// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opening a shared library on first use instead of linking it. Whatever the kiosk links is
// mapped and relocated, with its whole dependency tree, before main(); FFmpeg (the video
// driver), SDL2_image (the display's PNG screenshots) and libcurl (the https backend) are
// needed long after the first frame, or never, so each is a table of function pointers
// filled by dlopen/dlsym on its first use (docs/design.md, "Cold start"). Libraries
// opened here are never closed. Thread-safe through load_once().
#include <dlfcn.h>

#include <initializer_list>
#include <mutex>
#include <string>
#include <vector>

namespace kiosk::drivers {

// Libraries opened in order (dependencies first, so each finds the ones before it mapped).
class DynamicLibraries {
 public:
  // False when one cannot be opened; error() then holds dlerror's text, which names it.
  bool open(std::initializer_list<const char*> sonames) {
    for (const char* soname : sonames) {
      void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
      if (handle == nullptr) {
        const char* e = dlerror();
        m_error = e != nullptr ? e : std::string(soname) + ": cannot be opened";
        return false;
      }
      m_handles.push_back(handle);
      m_names += (m_names.empty() ? "" : ", ") + std::string(soname);
    }
    return true;
  }
  // Sets `out` to the function `name`, looked up in every library opened; null, and
  // error() names the first missing function, when none has it.
  template <class Function>
  void find(Function& out, const char* name) {
    out = nullptr;
    for (void* handle : m_handles)
      if (void* f = dlsym(handle, name)) {
        out = reinterpret_cast<Function>(f);
        return;
      }
    if (m_error.empty()) m_error = m_names + " has no function " + name;
  }
  const std::string& error() const { return m_error; }   // empty while all went well

 private:
  std::vector<void*> m_handles;
  std::string m_names;   // the sonames opened, for the error text
  std::string m_error;
};

// A table of function pointers with the reason it is unusable (empty when it is usable).
template <class Table>
struct LoadedTable {
  Table table;
  std::string error;
};

// Load() runs once per process, on the first call from any thread; then the table, or
// null with `why` set to the reason.
template <class Table, LoadedTable<Table> (*Load)()>
const Table* load_once(std::string* why) {
  static std::once_flag once;
  static LoadedTable<Table> loaded;
  std::call_once(once, [] { loaded = Load(); });
  if (!loaded.error.empty()) {
    if (why != nullptr) *why = loaded.error;
    return nullptr;
  }
  return &loaded.table;
}

}  // namespace kiosk::drivers
