// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the core asks the outside world to do, as plain values. The app dispatches
// them to drivers and to the transcript; tests assert on them directly.
#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/flow/request.h"
#include "kiosk/core/ui/message.h"
#include "kiosk/core/settings.h"
#include "kiosk/core/ui/ui_tree.h"

namespace kiosk::core {

// A new screen is showing (tree() holds it). Presenters speak its title, then the focus.
struct ScreenShown { std::string id; Message title; };

// Focus moved to a node; index and count are 1-based positions on the focus ring.
struct FocusMoved { std::string node_id; int index = 0; int count = 0; };

// A short generated tone: focus, activate, wrap, screen, error, timeout_warning.
struct Earcon { std::string name; };

// Always presented on every channel, interrupting speech. code is stable snake_case.
struct Alert { std::string code; Message text; Privacy privacy = Privacy::Public; };

struct SettingChanged { std::string name; SettingValue value; };

// start | timeout_warning | extended | reset
struct SessionEvent { std::string event; };

// Speech-control requests the speech presenter answers from tree and focus.
// Guide: title, the key guide, the focus; TouchGuide: the same with the touch-to-explore
// guide, for speech turned on by touch.
enum class SpeechControl { Interrupt, Repeat, Where, Help, HelpKeys, PauseToggle, Guide, TouchGuide };
struct SpeechRequest { SpeechControl control; };

// Backend round trips (flow/request.h): Request{id, spec}; the app answers with
// Kiosk::reply().

using Effect = std::variant<ScreenShown, FocusMoved, Earcon, Alert, SettingChanged,
                            SessionEvent, SpeechRequest, Request>;
using Effects = std::vector<Effect>;

}  // namespace kiosk::core
