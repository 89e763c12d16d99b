// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Colour themes (config/themes/*.toml) and the WCAG contrast formula the theme test
// uses (docs/accessibility.md V3: text >= 4.5:1, default >= 10:1, high-contrast >= 7:1).
#include <cstdint>
#include <map>
#include <string>

#include "kiosk/core/present/display_list.h"

namespace kiosk::core {

struct Rgb { std::uint8_t r = 0, g = 0, b = 0; bool operator==(const Rgb&) const = default; };

struct Theme {
  std::string id;
  std::map<ColorRole, Rgb> colors;
  Rgb color(ColorRole role) const;   // Text/Background fallback for roles a theme omits
};

double relative_luminance(Rgb c);                 // WCAG 2.x
double contrast_ratio(Rgb a, Rgb b);              // 1.0 .. 21.0
bool parse_hex_color(const std::string& hex, Rgb& out);   // "#RRGGBB"
const char* color_role_name(ColorRole role);               // config key, e.g. "button_face"
bool color_role_from_name(const std::string& name, ColorRole& out);

}  // namespace kiosk::core
