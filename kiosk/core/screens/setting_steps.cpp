// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/screens/setting_steps.h"

#include <algorithm>
#include <iterator>

namespace kiosk::core {

namespace {

// The next of `steps` from `value` (a value off the steps counts as the first), or the
// first again past the last when wrapping. nullopt: already at the end.
template <std::size_t N>
std::optional<int> next_step(const int (&steps)[N], int value, int direction, StepEnd at_end) {
  if (at_end == StepEnd::Wrap && direction > 0 && value == steps[N - 1]) return steps[0];
  auto it = std::find(std::begin(steps), std::end(steps), value);
  int index = it == std::end(steps) ? 0 : static_cast<int>(it - std::begin(steps));
  index = std::clamp(index + direction, 0, static_cast<int>(N) - 1);
  if (steps[index] == value) return std::nullopt;
  return steps[index];
}

// The ring's entry `direction` places on from `current` (not found: from the first).
template <typename List, typename IdOf>
std::size_t ring_step(const List& list, std::size_t count, IdOf id_of, const std::string& current, int direction) {
  const auto n = static_cast<int>(count);
  int index = 0;
  for (int i = 0; i < n; ++i)
    if (id_of(list[static_cast<std::size_t>(i)]) == current) index = i;
  return static_cast<std::size_t>(((index + direction) % n + n) % n);
}

SettingStep refused(const Settings& before, std::string alert) { return SettingStep{before, true, std::move(alert)}; }

// Zoom, rate and volume say which end they reached.
SettingStep stepped_number(const Settings& before, int Settings::*field, std::optional<int> next, const char* name,
                           int direction) {
  if (!next) return refused(before, std::string(name) + (direction > 0 ? "_max" : "_min"));
  Settings after = before;
  after.*field = *next;
  return SettingStep{after, false, {}};
}

std::optional<int> next_volume(int volume, int direction, StepEnd at_end) {
  if (at_end == StepEnd::Wrap && direction > 0 && volume == kVolumeMax) return kVolumeMin;
  const int next = std::clamp(volume + direction, kVolumeMin, kVolumeMax);
  if (next == volume) return std::nullopt;
  return next;
}

}  // namespace

SettingStep step_setting(const Settings& before, SettingControl control, int direction, StepEnd at_end,
                         const std::vector<ThemeChoice>& themes) {
  Settings after = before;
  switch (control) {
    case SettingControl::Zoom:
      return stepped_number(before, &Settings::zoom, next_step(kZoomSteps, before.zoom, direction, at_end), "zoom", direction);
    case SettingControl::Rate:
      return stepped_number(before, &Settings::rate, next_step(kRateSteps, before.rate, direction, at_end), "rate", direction);
    case SettingControl::Volume:
      return stepped_number(before, &Settings::volume, next_volume(before.volume, direction, at_end), "volume", direction);
    case SettingControl::SignSpeed: {
      const auto speed = next_step(kSignSpeedSteps, before.sign_speed, direction, at_end);
      if (!speed) return refused(before, {});   // the earcon says it; the value is read anyway
      after.sign_speed = *speed;
      break;
    }
    case SettingControl::Theme:
      if (!themes.empty())
        after.theme = themes[ring_step(themes, themes.size(), [](const ThemeChoice& t) { return t.id; }, before.theme,
                                       direction)].id;
      break;
    case SettingControl::BrailleTable:
      // A ring, like the themes: the table id also fixes the grade.
      after.braille_table = kBrailleTables[ring_step(kBrailleTables, std::size(kBrailleTables),
                                                     [](const char* id) { return std::string(id); }, before.braille_table,
                                                     direction)];
      break;
    case SettingControl::Verbosity:
      after.verbosity = before.verbosity == Verbosity::Brief ? Verbosity::Full : Verbosity::Brief;
      break;
    case SettingControl::EasyRead: after.easy_read = !before.easy_read; break;
    case SettingControl::Sign: after.sign = !before.sign; break;
    case SettingControl::SignLarge: after.sign_large = !before.sign_large; break;
    case SettingControl::Earcons: after.earcons = !before.earcons; break;
    case SettingControl::Language:
    case SettingControl::SpeakerConsent: break;
  }
  return SettingStep{after, false, {}};
}

Settings reset_accessibility(const Settings& current, const Settings& defaults) {
  Settings reset = current;
  reset.zoom = defaults.zoom;
  reset.theme = defaults.theme;
  reset.rate = defaults.rate;
  reset.volume = defaults.volume;
  reset.verbosity = defaults.verbosity;
  reset.easy_read = defaults.easy_read;
  reset.sign_large = defaults.sign_large;
  reset.sign_speed = defaults.sign_speed;
  reset.braille_table = defaults.braille_table;
  return reset;
}

std::string theme_name(const Settings& settings, const std::vector<ThemeChoice>& themes, const Catalog& catalog) {
  for (const auto& theme : themes)
    if (theme.id == settings.theme) return catalog.text(theme.name, settings.language);
  return settings.theme;
}

void announce_changes(const Settings& before, const Settings& after, Effects& out) {
  auto announce = [&](const char* name, const auto& from, const auto& to) {
    if (from != to) out.push_back(SettingChanged{name, to});
  };
  announce("zoom", before.zoom, after.zoom);
  announce("theme", before.theme, after.theme);
  announce("language", before.language, after.language);
  announce("rate", before.rate, after.rate);
  announce("volume", before.volume, after.volume);
  if (before.verbosity != after.verbosity)
    out.push_back(SettingChanged{"verbosity", std::string(verbosity_name(after.verbosity))});
  announce("curtain", before.curtain, after.curtain);
  announce("speech", before.speech, after.speech);
  announce("earcons", before.earcons, after.earcons);
  announce("touch_explore", before.touch_explore, after.touch_explore);
  announce("sign", before.sign, after.sign);
  announce("sign_large", before.sign_large, after.sign_large);
  announce("sign_speed", before.sign_speed, after.sign_speed);
  announce("easy_read", before.easy_read, after.easy_read);
  announce("braille_table", before.braille_table, after.braille_table);
}

}  // namespace kiosk::core
