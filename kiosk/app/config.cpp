// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <sstream>

#include "drivers/card_reader/card_reader_driver.h"
#include "drivers/display/theme_loader.h"
#include "drivers/printer/printer_driver.h"
#ifdef KIOSK_HAVE_BACKEND
#include "kiosk/backend/api/backend_config.h"
#endif

namespace kiosk::app {

namespace fs = std::filesystem;

std::string ConfigError::describe() const {
  std::ostringstream out;
  out << file;
  if (line > 0) out << ":" << line;
  out << ": " << message;
  return out.str();
}

std::string ConfigResult::describe() const {
  std::string text;
  for (const auto& error : errors) text += error.describe() + "\n";
  return text;
}

namespace {

std::size_t line_of(const toml::node* node) {
  return node ? static_cast<std::size_t>(node->source().begin.line) : 0;
}

std::optional<toml::table> parse(const fs::path& file, std::vector<ConfigError>& errors) {
  try {
    return toml::parse_file(file.string());
  } catch (const toml::parse_error& error) {
    errors.push_back({file.string(), static_cast<std::size_t>(error.source().begin.line),
                      std::string(error.description())});
    return std::nullopt;
  }
}

// The file's top-level table `name`; nullptr, with an error naming the file, when missing.
const toml::table* required_table(const toml::table& root, const char* name, const fs::path& file,
                                  std::vector<ConfigError>& errors) {
  const toml::table* found = root[name].as_table();
  if (!found) errors.push_back({file.string(), 0, "missing [" + std::string(name) + "] table"});
  return found;
}

// Reads an integer within [lo, hi] into `out` if the key is present.
void read_int(const toml::table& table, const char* key, std::int64_t lo, std::int64_t hi, std::int64_t& out,
              const fs::path& file, std::vector<ConfigError>& errors) {
  const toml::node* node = table.get(key);
  if (!node) return;
  auto value = node->value<std::int64_t>();
  if (!value || *value < lo || *value > hi) {
    errors.push_back({file.string(), line_of(node),
                      std::string(key) + " must be a whole number from " + std::to_string(lo) + " to " +
                          std::to_string(hi)});
    return;
  }
  out = *value;
}

void read_string(const toml::table& table, const char* key, std::string& out, const fs::path& file,
                 std::vector<ConfigError>& errors) {
  const toml::node* node = table.get(key);
  if (!node) return;
  auto value = node->value<std::string>();
  if (!value) {
    errors.push_back({file.string(), line_of(node), std::string(key) + " must be a string"});
    return;
  }
  out = *value;
}

void read_bool(const toml::table& table, const char* key, bool& out, const fs::path& file,
               std::vector<ConfigError>& errors) {
  const toml::node* node = table.get(key);
  if (!node) return;
  auto value = node->value<bool>();
  if (!value) {
    errors.push_back({file.string(), line_of(node), std::string(key) + " must be true or false"});
    return;
  }
  out = *value;
}

void read_list(const toml::table& table, const char* key, std::vector<std::string>& out, const fs::path& file,
               std::vector<ConfigError>& errors) {
  const toml::node* node = table.get(key);
  if (!node) return;
  const toml::array* array = node->as_array();
  if (!array) {
    errors.push_back({file.string(), line_of(node), std::string(key) + " must be a list of strings"});
    return;
  }
  out.clear();
  for (const auto& element : *array) {
    auto value = element.value<std::string>();
    if (!value) {
      errors.push_back({file.string(), line_of(&element), std::string(key) + " must hold strings only"});
      continue;
    }
    out.push_back(*value);
  }
}

void check_keys(const toml::table& table, std::initializer_list<const char*> known, const std::string& where,
                const fs::path& file, std::vector<ConfigError>& errors) {
  for (const auto& [key, node] : table) {
    bool ok = false;
    for (const char* k : known) ok = ok || key.str() == k;
    if (!ok) errors.push_back({file.string(), line_of(&node), "unknown key \"" + std::string(key.str()) + "\" in " + where});
  }
}

// [hall] services = ["entitlements", "help_desk"]: which services, in menu order.
void read_services(const toml::table& hall, std::vector<std::string>& out, const fs::path& file,
                   std::vector<ConfigError>& errors) {
  const toml::node* node = hall.get("services");
  if (!node) return;
  std::vector<std::string> ids;
  read_list(hall, "services", ids, file, errors);
  for (const auto& id : ids) {
    if (!services::find_service(id)) {
      std::string known;
      for (const auto& entry : services::service_table()) known += (known.empty() ? "" : ", ") + std::string(entry.id);
      errors.push_back({file.string(), line_of(node), "unknown service \"" + id + "\" in [hall] services (known: " + known + ")"});
    } else if (std::count(ids.begin(), ids.end(), id) > 1) {
      errors.push_back({file.string(), line_of(node), "service \"" + id + "\" is listed twice in [hall] services"});
      break;
    }
  }
  out = std::move(ids);
}

// locales/<language>.toml, then locales/<language>/*.toml (one per service) in name order.
std::vector<fs::path> catalogue_files(const fs::path& locales, const std::string& language) {
  std::vector<fs::path> files{locales / (language + ".toml")};
  std::error_code ec;
  std::vector<fs::path> more;
  for (const auto& entry : fs::directory_iterator(locales / language, ec))
    if (entry.path().extension() == ".toml") more.push_back(entry.path());
  std::sort(more.begin(), more.end());
  files.insert(files.end(), more.begin(), more.end());
  return files;
}

// The county profile, parsed once, and every service the hall offers made once from it.
void load_county(Config& config, const std::string& county, const fs::path& kiosk_toml,
                 std::vector<ConfigError>& errors) {
  const bool identifier = !county.empty() && std::all_of(county.begin(), county.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!identifier) {
    errors.push_back({kiosk_toml.string(), 0, "[hall] deployment \"" + county + "\" must be lower-case letters, digits and _"});
    return;
  }
  const fs::path file = config.config_dir / "deployments" / (county + ".toml");
  auto table = parse(file, errors);
  if (!table) return;
  config.county = services::CountyData{file.string(), county, std::move(*table)};
  services::SetupErrors problems;
  services::make_services(config.services, config.county, problems);
  for (auto& p : problems) errors.push_back({p.file, p.line, std::move(p.message)});
}

template <std::size_t N>
void check_step(const toml::table& table, const char* key, std::int64_t value, const int (&steps)[N],
                const fs::path& file, std::vector<ConfigError>& errors) {
  if (!table.get(key) || std::find(std::begin(steps), std::end(steps), value) != std::end(steps)) return;
  std::string list;
  for (int step : steps) list += (list.empty() ? "" : ", ") + std::to_string(step);
  errors.push_back({file.string(), line_of(table.get(key)), std::string(key) + " must be one of " + list});
}

// Every entry of a driver list ("code" or "code:argument") names a driver of the kind's
// table; a misspelt one would silently fall through to the next.
template <std::size_t N>
void check_driver_codes(const toml::table& drivers, const char* key, const std::array<std::string_view, N>& codes,
                        const fs::path& file, std::vector<ConfigError>& errors) {
  const toml::array* list = drivers[key].as_array();
  if (!list) return;
  for (const auto& element : *list) {
    const auto entry = element.value<std::string>();
    if (!entry) continue;   // read_list has said so
    const std::string code = entry->substr(0, entry->find(':'));
    if (std::find(codes.begin(), codes.end(), code) != codes.end()) continue;
    std::string known;
    for (const auto& c : codes) known += (known.empty() ? "" : ", ") + std::string(c);
    errors.push_back({file.string(), line_of(&element),
                      std::string(key) + ": unknown driver \"" + code + "\" (known: " + known + ")"});
  }
}

// An entry whose driver talks to a device must name it after the colon ("ga467:/dev/ttyUSB0").
template <std::size_t N>
void check_device_arguments(const toml::table& drivers, const char* key, const std::array<std::string_view, N>& codes,
                            const fs::path& file, std::vector<ConfigError>& errors) {
  const toml::array* list = drivers[key].as_array();
  if (!list) return;
  for (const auto& element : *list) {
    const auto entry = element.value<std::string>();
    if (!entry) continue;
    const auto colon = entry->find(':');
    const std::string code = entry->substr(0, colon);
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) continue;
    if (colon != std::string::npos && colon + 1 < entry->size()) continue;
    errors.push_back({file.string(), line_of(&element),
                      std::string(key) + ": \"" + code + "\" needs the device after a colon, e.g. \"" + code +
                          ":/dev/ttyUSB0\""});
  }
}

// [display] screen_bottom_mm: the touch targets must fit in the reach zone (H1); a screen
// mounted so that less than half of it is within reach cannot hold them.
void check_reach(const toml::table& display, core::LayoutMetrics& metrics, const fs::path& file,
                 std::vector<ConfigError>& errors) {
  const toml::node* node = display.get("screen_bottom_mm");
  if (!node) return;
  std::int64_t bottom = -1;
  read_int(display, "screen_bottom_mm", 0, core::kReachHighMm, bottom, file, errors);
  if (bottom < 0) return;
  core::LayoutMetrics mounted = metrics;
  mounted.screen_bottom_mm = static_cast<int>(bottom);
  const core::ReachBand band = core::reach_band(mounted);
  if ((band.bottom - band.top) * 2 < metrics.height) {
    errors.push_back({file.string(), line_of(node),
                      "screen_bottom_mm = " + std::to_string(bottom) + " leaves less than half of the screen between " +
                          std::to_string(core::kReachLowMm) + " and " + std::to_string(core::kReachHighMm) +
                          " mm above the floor, where every touch target must be"});
    return;
  }
  metrics.screen_bottom_mm = static_cast<int>(bottom);
}

// The line of `id` in a catalogue's [section], or 0.
std::size_t line_in(const fs::path& file, const char* section, const std::string& id) {
  try {
    const toml::table table = toml::parse_file(file.string());
    if (const toml::table* part = table[section].as_table()) return line_of(part->get(id));
  } catch (const toml::parse_error&) {
  }
  return 0;
}

}  // namespace

// Both catalogues hold the same ids, and the same easy-read variants: a message missing
// in one language would show as "[id]" and be read out raw, so it stops start-up
// (issue 12) instead of being found when some resident reaches it.
std::vector<ConfigError> check_catalogs_match(const fs::path& locales, const core::Catalog& catalog) {
  std::vector<ConfigError> errors;
  const std::pair<const char*, const char*> pairs[] = {{"zh-CN", "en"}, {"en", "zh-CN"}};
  for (const auto& [has, lacks] : pairs) {
    const fs::path file = locales / (std::string(has) + ".toml");
    const auto& other = catalog.entries(lacks);
    for (const auto& [id, entry] : catalog.entries(has)) {
      const auto found = other.find(id);
      if (found == other.end())
        errors.push_back({file.string(), line_in(file, "messages", id),
                          "message \"" + id + "\" has no text in " + lacks + ".toml"});
      else if (!entry.easy.empty() && found->second.easy.empty())
        errors.push_back({file.string(), line_in(file, "easy", id),
                          "easy-read variant \"" + id + "\" has none in " + lacks + ".toml"});
    }
  }
  return errors;
}

std::vector<ConfigError> load_catalog(const fs::path& file, const std::string& language, core::Catalog& catalog) {
  std::vector<ConfigError> errors;
  auto table = parse(file, errors);
  const toml::table* messages = table ? required_table(*table, "messages", file, errors) : nullptr;
  if (!messages) return errors;
  for (const auto& [key, node] : *messages) {
    auto text = node.value<std::string>();
    if (!text || text->empty()) {
      errors.push_back({file.string(), line_of(&node), "message \"" + std::string(key.str()) + "\" must be non-empty text"});
      continue;
    }
    if (catalog.has(language, std::string(key.str()))) {
      errors.push_back({file.string(), line_of(&node), "message \"" + std::string(key.str()) + "\" is already defined in another catalogue file"});
      continue;
    }
    catalog.add(language, std::string(key.str()), {*text, {}});
  }
  if (const toml::table* easy = (*table)["easy"].as_table()) {
    for (const auto& [key, node] : *easy) {
      auto text = node.value<std::string>();
      const std::string id(key.str());
      if (!text || !catalog.has(language, id)) {
        errors.push_back({file.string(), line_of(&node), "easy-read variant \"" + id + "\" has no message or is not text"});
        continue;
      }
      catalog.add(language, id, {catalog.entries(language).at(id).text, *text});
    }
  }
  return errors;
}

std::vector<ConfigError> load_keymap(const fs::path& file, core::Keymap& keymap) {
  std::vector<ConfigError> errors;
  auto table = parse(file, errors);
  const toml::table* bindings = table ? required_table(*table, "bindings", file, errors) : nullptr;
  if (!bindings) return errors;
  for (const auto& [key, node] : *bindings) {
    auto command = core::command_from_name(std::string(key.str()));
    if (!command) {
      errors.push_back({file.string(), line_of(&node), "unknown command \"" + std::string(key.str()) + "\""});
      continue;
    }
    const toml::array* keys = node.as_array();
    if (!keys) {
      errors.push_back({file.string(), line_of(&node), "command \"" + std::string(key.str()) + "\" needs a list of keys"});
      continue;
    }
    for (const auto& element : *keys) {
      auto name = element.value<std::string>();
      if (!name || !keymap.bind(*name, *command))
        errors.push_back({file.string(), line_of(&element),
                          "key " + (name ? "\"" + *name + "\"" : std::string("?")) + " is bound twice or is not text"});
    }
  }
  return errors;
}

namespace {

// Each read_* below reads one table of kiosk.toml into `config`, adding a `file:line`
// error for every bad value; a missing table keeps the defaults.

void read_hall(const toml::table& root, Config& config, std::string& deployment, const fs::path& kiosk_toml,
               std::vector<ConfigError>& errors) {
  for (const auto& entry : services::service_table()) config.services.emplace_back(entry.id);
  const auto* hall = root["hall"].as_table();
  if (!hall) return;
  check_keys(*hall, {"deployment", "name_id", "services"}, "[hall]", kiosk_toml, errors);
  read_string(*hall, "deployment", deployment, kiosk_toml, errors);
  read_string(*hall, "name_id", config.kiosk.hall_name_id, kiosk_toml, errors);
  read_services(*hall, config.services, kiosk_toml, errors);
}

void read_backend(const toml::table& root, Config& config, [[maybe_unused]] const fs::path& kiosk_toml,
                  [[maybe_unused]] std::vector<ConfigError>& errors) {
  const auto* backend = root["backend"].as_table();
  if (!backend) return;
  config.backend = *backend;
#ifdef KIOSK_HAVE_BACKEND
  // Checked here so a bad value stops start-up (exit 2, file:line) like any other.
  backend::BackendConfigProblem problem;
  if (!backend::parse_backend_config(*backend, config.root.string(), &problem) && problem.bad_value)
    errors.push_back({kiosk_toml.string(), problem.line, problem.message});
#endif
}

void read_session(const toml::table& root, Config& config, const fs::path& kiosk_toml,
                  std::vector<ConfigError>& errors) {
  const auto* session = root["session"].as_table();
  if (!session) return;
  check_keys(*session, {"idle_seconds", "answer_seconds"}, "[session]", kiosk_toml, errors);
  std::int64_t idle = 180, answer = 45;
  read_int(*session, "idle_seconds", 120, 300, idle, kiosk_toml, errors);   // T1: 120-300 s
  read_int(*session, "answer_seconds", 20, 300, answer, kiosk_toml, errors);
  config.kiosk.idle_ms = idle * 1000;
  config.kiosk.answer_ms = answer * 1000;
}

void read_display(const toml::table& root, Config& config, const fs::path& kiosk_toml,
                  std::vector<ConfigError>& errors) {
  const auto* display = root["display"].as_table();
  if (!display) return;
  check_keys(*display, {"pixel_pitch_mm", "width", "height", "screen_bottom_mm"}, "[display]", kiosk_toml, errors);
  if (const toml::node* node = display->get("pixel_pitch_mm")) {
    // Every size in mm goes through it: a panel's pitch is tenths of a millimetre.
    const auto pitch = node->value<double>();
    if (!pitch || !(*pitch >= 0.05 && *pitch <= 2.0))
      errors.push_back({kiosk_toml.string(), line_of(node), "pixel_pitch_mm must be a number from 0.05 to 2.0 (mm)"});
    else
      config.metrics.pixel_pitch_mm = *pitch;
  }
  std::int64_t w = config.metrics.width, h = config.metrics.height;
  read_int(*display, "width", 640, 7680, w, kiosk_toml, errors);
  read_int(*display, "height", 480, 4320, h, kiosk_toml, errors);
  config.metrics.width = static_cast<int>(w);
  config.metrics.height = static_cast<int>(h);
  check_reach(*display, config.metrics, kiosk_toml, errors);
}

// [defaults] zoom, rate, volume: the numbers a resident steps through with the keys.
void read_default_levels(const toml::table& d, core::Settings& defaults, const fs::path& kiosk_toml,
                         std::vector<ConfigError>& errors) {
  std::int64_t zoom = defaults.zoom, rate = defaults.rate, volume = defaults.volume;
  read_int(d, "zoom", 80, 200, zoom, kiosk_toml, errors);
  read_int(d, "rate", 50, 200, rate, kiosk_toml, errors);
  // The keys step through these lists: a value between steps would step wrongly.
  check_step(d, "zoom", zoom, core::kZoomSteps, kiosk_toml, errors);
  check_step(d, "rate", rate, core::kRateSteps, kiosk_toml, errors);
  read_int(d, "volume", 0, 10, volume, kiosk_toml, errors);
  defaults.zoom = static_cast<int>(zoom);
  defaults.rate = static_cast<int>(rate);
  defaults.volume = static_cast<int>(volume);
}

// [defaults] theme, language, braille_table: names that must be ones the kiosk offers
// (the theme is checked once the themes are loaded).
void read_default_names(const toml::table& d, core::Settings& defaults, const fs::path& kiosk_toml,
                        std::vector<ConfigError>& errors) {
  read_string(d, "theme", defaults.theme, kiosk_toml, errors);
  read_string(d, "language", defaults.language, kiosk_toml, errors);
  read_string(d, "braille_table", defaults.braille_table, kiosk_toml, errors);
  if (defaults.language != "zh-CN" && defaults.language != "en")
    errors.push_back({kiosk_toml.string(), line_of(d.get("language")), "language must be \"zh-CN\" or \"en\", not \"" +
                                                                        defaults.language + "\""});
  if (std::find_if(std::begin(core::kBrailleTables), std::end(core::kBrailleTables), [&](const char* id) {
        return defaults.braille_table == id;
      }) == std::end(core::kBrailleTables))
    errors.push_back({kiosk_toml.string(), line_of(d.get("braille_table")),
                      "braille_table \"" + defaults.braille_table + "\" is not one the kiosk offers"});
}

// [defaults] easy_read, earcons, sign, sign_large, sign_speed, verbosity.
void read_default_modes(const toml::table& d, core::Settings& defaults, const fs::path& kiosk_toml,
                        std::vector<ConfigError>& errors) {
  read_bool(d, "easy_read", defaults.easy_read, kiosk_toml, errors);
  read_bool(d, "earcons", defaults.earcons, kiosk_toml, errors);
  read_bool(d, "sign", defaults.sign, kiosk_toml, errors);
  read_bool(d, "sign_large", defaults.sign_large, kiosk_toml, errors);
  std::int64_t sign_speed = defaults.sign_speed;
  read_int(d, "sign_speed", 50, 100, sign_speed, kiosk_toml, errors);
  if (std::find(std::begin(core::kSignSpeedSteps), std::end(core::kSignSpeedSteps), sign_speed) ==
      std::end(core::kSignSpeedSteps))
    errors.push_back({kiosk_toml.string(), line_of(d.get("sign_speed")), "sign_speed must be 50, 75 or 100"});
  defaults.sign_speed = static_cast<int>(sign_speed);
  std::string verbosity = core::verbosity_name(defaults.verbosity);
  read_string(d, "verbosity", verbosity, kiosk_toml, errors);
  if (verbosity != "full" && verbosity != "brief")
    errors.push_back({kiosk_toml.string(), line_of(d.get("verbosity")), "verbosity must be \"full\" or \"brief\""});
  defaults.verbosity = verbosity == "brief" ? core::Verbosity::Brief : core::Verbosity::Full;
}

// [defaults]: the settings every session starts from (and returns to).
void read_defaults(const toml::table& root, Config& config, const fs::path& kiosk_toml,
                   std::vector<ConfigError>& errors) {
  const auto* d = root["defaults"].as_table();
  if (!d) return;
  check_keys(*d, {"zoom", "theme", "language", "rate", "volume", "verbosity", "easy_read", "earcons", "braille_table",
                  "sign", "sign_large", "sign_speed"},
             "[defaults]", kiosk_toml, errors);
  core::Settings& defaults = config.kiosk.hall_defaults;
  read_default_levels(*d, defaults, kiosk_toml, errors);
  read_default_names(*d, defaults, kiosk_toml, errors);
  read_default_modes(*d, defaults, kiosk_toml, errors);
}

void read_drivers(const toml::table& root, Config& config, const fs::path& kiosk_toml,
                  std::vector<ConfigError>& errors) {
  const auto* drivers = root["drivers"].as_table();
  if (!drivers) return;
  check_keys(*drivers, {"speech", "braille", "card_reader", "printer"}, "[drivers]", kiosk_toml, errors);
  read_list(*drivers, "speech", config.speech_drivers, kiosk_toml, errors);
  read_list(*drivers, "braille", config.braille_drivers, kiosk_toml, errors);
  read_list(*drivers, "card_reader", config.card_reader_drivers, kiosk_toml, errors);
  read_list(*drivers, "printer", config.printer_drivers, kiosk_toml, errors);
  check_driver_codes(*drivers, "card_reader", drivers::card_reader::kCardReaderCodes, kiosk_toml, errors);
  check_device_arguments(*drivers, "card_reader", drivers::card_reader::kCardReaderDeviceCodes, kiosk_toml, errors);
  check_driver_codes(*drivers, "printer", drivers::printer::kPrinterCodes, kiosk_toml, errors);
}

void read_braille(const toml::table& root, Config& config, const fs::path& kiosk_toml,
                  std::vector<ConfigError>& errors) {
  const auto* braille = root["braille"].as_table();
  if (!braille) return;
  check_keys(*braille, {"host", "auth"}, "[braille]", kiosk_toml, errors);
  read_string(*braille, "host", config.braille_host, kiosk_toml, errors);
  read_string(*braille, "auth", config.braille_auth, kiosk_toml, errors);
}

// [keymaps] files (default: the development keyboard and the EZ keypad), each loaded.
void load_keymaps(const toml::table& root, Config& config, const fs::path& kiosk_toml,
                  std::vector<ConfigError>& errors) {
  std::vector<std::string> keymaps{"keyboard.toml", "ezkeypad.toml"};
  if (const auto* k = root["keymaps"].as_table()) {
    check_keys(*k, {"files"}, "[keymaps]", kiosk_toml, errors);
    read_list(*k, "files", keymaps, kiosk_toml, errors);
  }
  for (const auto& name : keymaps) {
    auto more = load_keymap(config.config_dir / "keymaps" / name, config.keymap);
    errors.insert(errors.end(), more.begin(), more.end());
  }
}

// Both languages' catalogues; matched against each other only when nothing so far has
// failed, so one typo does not also report every message as missing.
void load_catalogues(Config& config, std::vector<ConfigError>& errors) {
  for (const char* language : {"zh-CN", "en"}) {
    for (const fs::path& file : catalogue_files(config.config_dir / "locales", language)) {
      auto more = load_catalog(file, language, config.catalog);
      errors.insert(errors.end(), more.begin(), more.end());
    }
  }
  if (errors.empty()) {
    auto more = check_catalogs_match(config.config_dir / "locales", config.catalog);
    errors.insert(errors.end(), more.begin(), more.end());
  }
}

// config/themes: each theme and its name in both catalogues; the hall's default theme
// must be one of them.
void read_themes(Config& config, const fs::path& kiosk_toml, std::vector<ConfigError>& errors) {
  const core::Settings& defaults = config.kiosk.hall_defaults;
  auto themes = drivers::display::load_themes((config.config_dir / "themes").string());
  if (!themes) {
    errors.push_back({(config.config_dir / "themes").string(), 0, themes.error().message});
    return;
  }
  bool found = false;
  for (const auto& file : *themes) {
    config.themes.push_back(file.theme);
    const std::string id = "theme." + file.theme.id;
    config.catalog.add("zh-CN", id, {file.name_zh, {}});
    config.catalog.add("en", id, {file.name_en, {}});
    config.kiosk.themes.push_back({file.theme.id, core::Message::of(id)});
    found = found || file.theme.id == defaults.theme;
  }
  if (!found) errors.push_back({kiosk_toml.string(), 0, "default theme \"" + defaults.theme + "\" is not in config/themes"});
}

}  // namespace

// The order of the steps is the order of the errors a bad kiosk.toml reports.
ConfigResult load_config(const fs::path& kiosk_toml) {
  ConfigResult result;
  auto& errors = result.errors;
  auto table = parse(kiosk_toml, errors);
  if (!table) return result;
  Config config;
  config.file = kiosk_toml;
  config.config_dir = kiosk_toml.parent_path().empty() ? fs::path(".") : kiosk_toml.parent_path();
  config.root = config.config_dir / "..";
  check_keys(*table, {"hall", "session", "display", "defaults", "drivers", "keymaps", "backend", "braille"},
             "kiosk.toml", kiosk_toml, errors);

  std::string deployment = "houma";
  read_hall(*table, config, deployment, kiosk_toml, errors);
  read_backend(*table, config, kiosk_toml, errors);
  read_session(*table, config, kiosk_toml, errors);
  read_display(*table, config, kiosk_toml, errors);
  read_defaults(*table, config, kiosk_toml, errors);
  read_drivers(*table, config, kiosk_toml, errors);
  read_braille(*table, config, kiosk_toml, errors);
  load_keymaps(*table, config, kiosk_toml, errors);
  load_catalogues(config, errors);
  read_themes(config, kiosk_toml, errors);
  load_county(config, deployment, kiosk_toml, errors);
  if (errors.empty()) result.config = std::move(config);
  return result;
}

std::vector<std::unique_ptr<core::Service>> make_services(const Config& config) {
  services::SetupErrors ignored;   // load_config made each once and found none
  return services::make_services(config.services, config.county, ignored);
}

}  // namespace kiosk::app
