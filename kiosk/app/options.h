// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The command line (docs/design.md section 5).
#include <optional>
#include <string>

namespace kiosk::app {

struct Options {
  std::string config;            // kiosk.toml; default: the source tree's config/kiosk.toml
  bool fullscreen = false;
  bool headless = false;
  bool help = false;
  bool version = false;          // --version: print versions and licence, exit 0
  std::string script;
  std::string transcript;
  std::string screenshots;
  std::string now = "2026-03-08T09:00:00+08:00";
  std::string announce;
};

struct ParsedOptions {
  Options options;
  std::optional<std::string> error;
};

ParsedOptions parse_options(int argc, char** argv);
const char* usage();

}  // namespace kiosk::app
