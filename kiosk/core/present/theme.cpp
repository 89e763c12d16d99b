// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/theme.h"

#include <cmath>

namespace kiosk::core {

namespace {

struct RoleName { ColorRole role; const char* name; };

// The config keys of config/themes/*.toml, in ColorRole order.
constexpr RoleName kRoleNames[] = {
    {ColorRole::Background, "background"},     {ColorRole::Text, "text"},
    {ColorRole::MutedText, "muted_text"},      {ColorRole::Accent, "accent"},
    {ColorRole::ButtonFace, "button_face"},    {ColorRole::ButtonText, "button_text"},
    {ColorRole::SelectedFace, "selected_face"}, {ColorRole::SelectedText, "selected_text"},
    {ColorRole::Focus, "focus"},               {ColorRole::Error, "error"},
    {ColorRole::ErrorText, "error_text"},      {ColorRole::Border, "border"},
    {ColorRole::CaptionFace, "caption_face"},  {ColorRole::CaptionText, "caption_text"},
};

// sRGB channel (0..255) to linear light, as WCAG 2.x defines it.
double linear_channel(std::uint8_t v) {
  const double c = v / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

int hex_digit(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

// Faces fall back to the background and text-like roles to the text colour, so a
// theme that omits a role still draws readable text (the theme test checks the files).
bool is_face(ColorRole role) {
  switch (role) {
    case ColorRole::Background: case ColorRole::ButtonFace: case ColorRole::SelectedFace:
    case ColorRole::CaptionFace: case ColorRole::Error:
      return true;
    default:
      return false;
  }
}

}  // namespace

Rgb Theme::color(ColorRole role) const {
  if (auto it = colors.find(role); it != colors.end()) return it->second;
  const ColorRole fallback = is_face(role) ? ColorRole::Background : ColorRole::Text;
  if (auto it = colors.find(fallback); it != colors.end()) return it->second;
  return is_face(role) ? Rgb{255, 255, 255} : Rgb{0, 0, 0};
}

double relative_luminance(Rgb c) {
  return 0.2126 * linear_channel(c.r) + 0.7152 * linear_channel(c.g) +
         0.0722 * linear_channel(c.b);
}

double contrast_ratio(Rgb a, Rgb b) {
  const double la = relative_luminance(a);
  const double lb = relative_luminance(b);
  const double hi = la > lb ? la : lb;
  const double lo = la > lb ? lb : la;
  return (hi + 0.05) / (lo + 0.05);
}

bool parse_hex_color(const std::string& hex, Rgb& out) {
  if (hex.size() != 7 || hex[0] != '#') return false;
  int v[6];
  for (std::size_t i = 0; i < 6; ++i) {
    v[i] = hex_digit(hex[i + 1]);
    if (v[i] < 0) return false;
  }
  out = Rgb{static_cast<std::uint8_t>(v[0] * 16 + v[1]),
            static_cast<std::uint8_t>(v[2] * 16 + v[3]),
            static_cast<std::uint8_t>(v[4] * 16 + v[5])};
  return true;
}

const char* color_role_name(ColorRole role) {
  for (const auto& rn : kRoleNames)
    if (rn.role == role) return rn.name;
  return "unknown";
}

bool color_role_from_name(const std::string& name, ColorRole& out) {
  for (const auto& rn : kRoleNames) {
    if (name == rn.name) {
      out = rn.role;
      return true;
    }
  }
  return false;
}

}  // namespace kiosk::core
