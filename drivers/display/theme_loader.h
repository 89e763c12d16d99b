// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Loads colour themes from config/themes/*.toml (schema: id, name_zh, name_en, and a
// [colors] table with every role of kiosk/core/theme.h as "#RRGGBB"). Errors name the
// file and the line. Plain file I/O: any thread may call; nothing is kept.
#include <string>
#include <vector>

#include "drivers/display/result.h"
#include "kiosk/core/present/theme.h"

namespace kiosk::drivers::display {

struct ThemeFile {
  core::Theme theme;
  std::string name_zh;   // shown in the settings screen
  std::string name_en;
  std::string path;
};

// Every role must be present; unknown keys and malformed colours are errors.
Result<ThemeFile> load_theme_file(const std::string& path);
Result<core::Theme> load_theme(const std::string& path);
// Every *.toml in dir, sorted by file name; ids must be unique; an empty folder is an error.
Result<std::vector<ThemeFile>> load_themes(const std::string& dir);

// The text/face pairs that must reach the theme's text contrast (docs/accessibility.md V3)
// and the edge pairs that must reach 3:1 (V4: focus ring against background and the
// faces it surrounds; borders against the background). Shared by the theme test and
// by start-up checks of hall-supplied themes.
struct ColorPair { core::ColorRole fg; core::ColorRole bg; };
const std::vector<ColorPair>& text_color_pairs();
const std::vector<ColorPair>& edge_color_pairs();

}  // namespace kiosk::drivers::display
