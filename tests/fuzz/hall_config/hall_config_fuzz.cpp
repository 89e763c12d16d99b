// SPDX-License-Identifier: GPL-3.0-or-later
// The hall's kiosk.toml is edited by each hall (kiosk/app/config.h): any text gives a
// Config or `file:line: problem` errors, never a crash. The input is written as
// config/kiosk.toml in a scratch folder whose other config/ folders (locales, keymaps,
// themes, deployments, ...) are the repository's own, so the whole loader runs, the
// county profile and the services included.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "kiosk/app/config.h"

namespace {

namespace fs = std::filesystem;

fs::path g_scratch;   // removed at exit (symlinks and one file)

fs::path scratch_config() {
  static const fs::path file = [] {
    std::string pattern = (fs::temp_directory_path() / "kiosk-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    g_scratch = pattern;
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(g_scratch, ignored);
    });
    const fs::path config = fs::path(pattern) / "config";
    fs::create_directories(config);
    for (const auto& entry : fs::directory_iterator(fs::path(KIOSK_SOURCE_ROOT) / "config")) {
      if (entry.path().filename() != "kiosk.toml") fs::create_directory_symlink(entry.path(), config / entry.path().filename());
    }
    fs::create_directory_symlink(fs::path(KIOSK_SOURCE_ROOT) / "assets", fs::path(pattern) / "assets");
    return config / "kiosk.toml";
  }();
  return file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path file = scratch_config();
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const kiosk::app::ConfigResult result = kiosk::app::load_config(file);
  if (result.ok() == !result.errors.empty()) std::abort();
  for (const auto& e : result.errors) {
    if (e.message.empty() || e.describe().empty()) std::abort();
  }
  return 0;
}
