// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One step of a setting, shared by the setting keys (volume, rate, zoom, contrast) and the
// settings screen's choices, and the session-wide rules around them. Pure functions over
// core::Settings; any thread.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/effects.h"
#include "kiosk/core/settings.h"
#include "kiosk/core/text/i18n.h"

namespace kiosk::core {

struct ThemeChoice { std::string id; Message name; };

// What the settings screen can change by one step (and the keys, for some).
enum class SettingControl {
  Zoom, Theme, Language, Rate, Volume, Verbosity, BrailleTable, EasyRead, Sign, SignLarge, SignSpeed, Earcons,
  SpeakerConsent,   // not a setting: the session's consent, kept by the Kiosk
};

// Past the last step: stop there (Left/Right, the keys), or start again at the first
// (Select on a choice steps forward and wraps).
enum class StepEnd { Stop, Wrap };

struct SettingStep {
  Settings after;       // as before when the step is refused
  bool refused = false; // the end was reached: the error earcon ...
  std::string alert;    // ... and this alert code, said with "alert.<code>" ("" = none)
};

// The settings after one step of `control` in `direction` (+1 / -1). Language and
// SpeakerConsent are not stepped here (the Kiosk re-announces the screen, or keeps the
// consent): they come back unchanged.
SettingStep step_setting(const Settings& before, SettingControl control, int direction, StepEnd at_end,
                         const std::vector<ThemeChoice>& themes);

// The settings screen's reset: the resident's accessibility choices go back to the
// hall's; language, speech, the curtain and deaf mode stay as they are (they have keys
// of their own).
Settings reset_accessibility(const Settings& current, const Settings& defaults);

// The shown name of the current theme (its id when the hall has no such theme).
std::string theme_name(const Settings& settings, const std::vector<ThemeChoice>& themes, const Catalog& catalog);

// Emits a SettingChanged for every field that differs from before to after, in the order
// of docs/design.md section 5.
void announce_changes(const Settings& before, const Settings& after, Effects& out);

}  // namespace kiosk::core
