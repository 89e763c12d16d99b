// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The hall's configuration (config/kiosk.toml) and everything it points to:
// message catalogues, keymaps, themes, the county profile and the services the hall
// offers. Each file is read once, here, at start on
// the main thread; any problem is a ConfigError naming the file, the line and the
// problem, and the kiosk exits with code 2.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/text/i18n.h"
#include "kiosk/core/ui/keymap.h"
#include "kiosk/core/kiosk/kiosk.h"
#include "kiosk/core/present/layout.h"
#include "kiosk/core/present/theme.h"
#include <memory>

#include <toml++/toml.h>

#include "kiosk/services/service_table.h"

namespace kiosk::app {

struct ConfigError {
  std::string file;
  std::size_t line = 0;     // 0 = the file as a whole
  std::string message;
  std::string describe() const;
};

struct Config {
  std::filesystem::path file;          // kiosk.toml
  std::filesystem::path config_dir;    // its folder
  std::filesystem::path root;          // the folder holding config/ and assets/
  core::KioskOptions kiosk;
  core::LayoutMetrics metrics;
  core::Catalog catalog;
  core::Keymap keymap;
  std::vector<core::Theme> themes;
  services::CountyData county;          // the county profile, parsed once
  std::vector<std::string> services;    // ids the hall offers, in menu order ([hall] services)
  toml::table backend;                  // [backend], read by the backend factory (empty = none)
  std::vector<std::string> speech_drivers{"espeak-ng", "null"};
  std::vector<std::string> braille_drivers{"brlapi", "null"};
  std::vector<std::string> card_reader_drivers{"null"};   // "code" or "code:argument"
  std::vector<std::string> printer_drivers{"null"};
  std::string braille_host;            // "" = the local daemon
  std::string braille_auth;
};

struct ConfigResult {
  std::optional<Config> config;
  std::vector<ConfigError> errors;
  bool ok() const { return config.has_value(); }
  std::string describe() const;
};

ConfigResult load_config(const std::filesystem::path& kiosk_toml);

// Fresh services for one Kiosk, in menu order. load_config has already made each once,
// so a loaded Config makes them without error.
std::vector<std::unique_ptr<core::Service>> make_services(const Config& config);

// Catalogue files: config/locales/<language>.toml and each service's
// config/locales/<language>/<service>.toml, with [messages] and [easy] tables. A message
// id defined twice (in two files) is an error.
std::vector<ConfigError> load_catalog(const std::filesystem::path& file, const std::string& language,
                                      core::Catalog& catalog);
// Both languages' catalogues (loaded from `locales`) hold the same ids and the same
// easy-read variants; each gap is an error at the line of the id that has no partner.
std::vector<ConfigError> check_catalogs_match(const std::filesystem::path& locales, const core::Catalog& catalog);
// Keymap files: config/keymaps/*.toml with a [bindings] table: command = ["Key", ...].
std::vector<ConfigError> load_keymap(const std::filesystem::path& file, core::Keymap& keymap);

}  // namespace kiosk::app
