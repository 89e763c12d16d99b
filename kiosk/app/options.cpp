// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/options.h"

#include <filesystem>
#include <regex>

namespace kiosk::app {

const char* usage() {
  return "usage: kiosk [--config FILE] [--fullscreen|--window] [--headless]\n"
         "             [--script FILE] [--transcript FILE.jsonl] [--screenshots DIR]\n"
         "             [--now 2026-03-08T09:00:00+08:00] [--announce TEXT]\n"
         "       kiosk --version | --help\n";
}

namespace {
// The fields of a time that matched the RFC 3339 pattern are within their ranges:
// no 30 February, no 25:61 (a leap second, :60, is allowed).
bool real_time(const std::string& t) {
  auto field = [&](std::size_t at, std::size_t n) { return std::stoi(t.substr(at, n)); };
  const int year = field(0, 4), month = field(5, 2), day = field(8, 2);
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return false;
  if (day < 1 || day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) return false;
  if (field(11, 2) > 23 || field(14, 2) > 59 || field(17, 2) > 60) return false;
  const auto zone = t.find_last_of("+-Z");
  if (t[zone] != 'Z' && (field(zone + 1, 2) > 23 || field(zone + 4, 2) > 59)) return false;
  return true;
}
}  // namespace

ParsedOptions parse_options(int argc, char** argv) {
  ParsedOptions parsed;
  Options& o = parsed.options;
  o.config = (std::filesystem::path(KIOSK_SOURCE_ROOT) / "config" / "kiosk.toml").string();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= argc) {
        parsed.error = arg + " needs a value";
        return false;
      }
      out = argv[++i];
      return true;
    };
    if (arg == "--config") { if (!value(o.config)) return parsed; }
    else if (arg == "--fullscreen") o.fullscreen = true;
    else if (arg == "--window") o.fullscreen = false;
    else if (arg == "--headless") o.headless = true;
    else if (arg == "--help" || arg == "-h") o.help = true;
    else if (arg == "--version") o.version = true;
    else if (arg == "--script") { if (!value(o.script)) return parsed; }
    else if (arg == "--transcript") { if (!value(o.transcript)) return parsed; }
    else if (arg == "--screenshots") { if (!value(o.screenshots)) return parsed; }
    else if (arg == "--now") { if (!value(o.now)) return parsed; }
    else if (arg == "--announce") { if (!value(o.announce)) return parsed; }
    else {
      parsed.error = "unknown argument " + arg;
      return parsed;
    }
  }
  static const std::regex rfc3339(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d))");
  if (!std::regex_match(o.now, rfc3339) || !real_time(o.now))
    parsed.error = "--now needs a real RFC 3339 time such as 2026-03-08T09:00:00+08:00, not " + o.now;
  if (!o.script.empty() && !o.headless) parsed.error = "--script needs --headless";
  return parsed;
}

}  // namespace kiosk::app
