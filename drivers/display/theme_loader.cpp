// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/display/theme_loader.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <toml++/toml.h>

namespace kiosk::drivers::display {

namespace {

using core::ColorRole;

constexpr ColorRole kAllRoles[] = {
    ColorRole::Background, ColorRole::Text,        ColorRole::MutedText,
    ColorRole::Accent,     ColorRole::ButtonFace,  ColorRole::ButtonText,
    ColorRole::SelectedFace, ColorRole::SelectedText, ColorRole::Focus,
    ColorRole::Error,      ColorRole::ErrorText,   ColorRole::Border,
    ColorRole::CaptionFace, ColorRole::CaptionText};

Error theme_error(const std::string& path, std::uint32_t line, const std::string& what) {
  return Error{"theme_invalid", path + ":" + std::to_string(line) + ": " + what};
}

Result<std::string> required_string(const toml::table& root, const std::string& path,
                                    const char* key) {
  const toml::node* node = root.get(key);
  if (node == nullptr) return theme_error(path, 1, std::string("missing key '") + key + "'");
  const auto value = node->value<std::string>();
  if (!value || value->empty())
    return theme_error(path, node->source().begin.line,
                       std::string("'") + key + "' must be a non-empty string");
  return *value;
}

}  // namespace

Result<ThemeFile> load_theme_file(const std::string& path) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return theme_error(path, e.source().begin.line, std::string(e.description()));
  }
  ThemeFile out;
  out.path = path;
  auto id = required_string(root, path, "id");
  if (!id) return id.error();
  auto name_zh = required_string(root, path, "name_zh");
  if (!name_zh) return name_zh.error();
  auto name_en = required_string(root, path, "name_en");
  if (!name_en) return name_en.error();
  out.theme.id = *id;
  out.name_zh = *name_zh;
  out.name_en = *name_en;

  const toml::node* colors_node = root.get("colors");
  const toml::table* colors = colors_node ? colors_node->as_table() : nullptr;
  if (colors == nullptr)
    return theme_error(path, colors_node ? colors_node->source().begin.line : 1,
                       "missing table [colors]");
  for (const auto& [key, node] : *colors) {
    const std::string name(key.str());
    const std::uint32_t line = node.source().begin.line;
    ColorRole role{};
    if (!core::color_role_from_name(name, role))
      return theme_error(path, line, "unknown colour role '" + name + "'");
    const auto hex = node.value<std::string>();
    core::Rgb rgb;
    if (!hex || !core::parse_hex_color(*hex, rgb))
      return theme_error(path, line, "colour '" + name + "' must be \"#RRGGBB\"");
    out.theme.colors[role] = rgb;
  }
  for (ColorRole role : kAllRoles) {
    if (!out.theme.colors.count(role))
      return theme_error(path, colors->source().begin.line,
                         std::string("[colors] lacks role '") + core::color_role_name(role) + "'");
  }
  return out;
}

Result<core::Theme> load_theme(const std::string& path) {
  auto file = load_theme_file(path);
  if (!file) return file.error();
  return std::move(file->theme);
}

Result<std::vector<ThemeFile>> load_themes(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> paths;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".toml") paths.push_back(it->path().string());
  }
  if (ec) return Error{"theme_dir", dir + ": " + ec.message()};
  if (paths.empty()) return Error{"theme_dir", dir + ": no *.toml theme files"};
  std::sort(paths.begin(), paths.end());
  std::vector<ThemeFile> themes;
  std::set<std::string> ids;
  for (const auto& p : paths) {
    auto t = load_theme_file(p);
    if (!t) return t.error();
    if (!ids.insert(t->theme.id).second)
      return theme_error(p, 1, "duplicate theme id '" + t->theme.id + "'");
    themes.push_back(std::move(*t));
  }
  return themes;
}

const std::vector<ColorPair>& text_color_pairs() {
  static const std::vector<ColorPair> pairs = {
      {ColorRole::Text, ColorRole::Background},
      {ColorRole::MutedText, ColorRole::Background},
      {ColorRole::Accent, ColorRole::Background},
      {ColorRole::Error, ColorRole::Background},   // an error message on the page
      {ColorRole::ButtonText, ColorRole::ButtonFace},
      {ColorRole::Text, ColorRole::ButtonFace},
      {ColorRole::SelectedText, ColorRole::SelectedFace},
      {ColorRole::ErrorText, ColorRole::Error},    // text on an error banner
      {ColorRole::CaptionText, ColorRole::CaptionFace},
  };
  return pairs;
}

const std::vector<ColorPair>& edge_color_pairs() {
  static const std::vector<ColorPair> pairs = {
      {ColorRole::Focus, ColorRole::Background},
      {ColorRole::Focus, ColorRole::ButtonFace},
      {ColorRole::Focus, ColorRole::SelectedFace},
      {ColorRole::Border, ColorRole::Background},
  };
  return pairs;
}

}  // namespace kiosk::drivers::display
