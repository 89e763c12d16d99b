// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The pieces a service's journey test builds its script from (a resident's card, keys,
// braille chords, the way in by card and SMS code) and reads its transcript with.
// Shared by the services' transcript suites; pure string work, any thread.
#include <string>
#include <vector>

#include "kiosk_run.h"

namespace kiosk::testing {

// The demo's SMS code, the one the embedded gateway accepts.
inline constexpr const char* kDemoSmsCode = "135790";

// A card as a script's `card FILE.json` step gives it to the fake reader: the printed
// fields of an ID card, the birth date (YYYYMMDD) taken from the number's digits 7-14 and
// the sex from its 17th (odd: 男, even: 女).
std::string card_json(const std::string& name, const std::string& id_number, const std::string& valid_to = "20360101",
                      const std::string& address = "演示地址", const std::string& authority = "演示公安局",
                      const std::string& valid_from = "20160101");

// `step` (script lines) `times` times over.
std::string repeat(const std::string& step, int times);
// "key D\n" for each digit D: typed on the keypad.
std::string key_digits(const std::string& digits);
// "braille-dots ...\n" for each digit: typed as a braille display's chord (letters a-j,
// no number sign).
std::string braille_digits(const std::string& digits);

// The way in: headphones plugged in (which start the visit; personal content may be said)
// or, with `headset` false, a key; home item `home_item`; the card in `card_file` placed;
// the demo SMS code typed and sent. Ends on the service's first screen.
std::string by_card(int home_item, const std::string& card_file, bool headset = true);
// The way in for someone else (我替别人办理, the identify screen's third item, then the
// typed number): the agent's own number and the demo SMS code, the resident's number, the
// first relationship on its list (parent) and the first authority (guardianship).
std::string as_agent(int home_item, const std::string& agent_id, const std::string& resident_id, bool headset = true);

// The `field` of every event of `type`, each followed by `separator`.
std::string joined(const KioskRun& run, const std::string& type, const std::string& field,
                   const std::string& separator = "|");
// The `field` of every event of `type`, in order ("" where an event has none).
std::vector<std::string> values_of(const KioskRun& run, const std::string& type, const std::string& field);
// Every event of `type` as its JSON, one a line: for find() and for the failure message.
std::string all_of_type(const KioskRun& run, const std::string& type);
// Every event from the first `screen` event with this id on, as its JSON, one a line.
std::string after_screen(const KioskRun& run, const std::string& screen);

}  // namespace kiosk::testing
