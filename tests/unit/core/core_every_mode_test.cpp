// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12, "every function in every mode": each action is confirmed in every channel
// (an Alert is spoken, captioned and brailled), nothing is lost or silent. Pure core.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "kiosk/core/kiosk/kiosk.h"
#include "kiosk/core/present/speech/speech_presenter.h"
#include "kiosk_fixture.h"

using namespace kiosk::core;

namespace {

using fixtures::all_of;

struct EveryMode : fixtures::KioskTest {
  Effects press(Command command) { return kiosk.command(command, InputSource::Key, now); }
  Effects begin() {
    kiosk.start(now);
    return press(Command::Select);
  }
};

std::vector<std::string> alert_codes(const Effects& effects) {
  std::vector<std::string> codes;
  for (const auto& alert : all_of<Alert>(effects)) codes.push_back(alert.code);
  return codes;
}

std::string arg(const Message& message, const std::string& name) {
  for (const auto& [key, value] : message.args)
    if (key == name) return value;
  return {};
}

bool has_alert(const Effects& effects, const std::string& code) {
  const auto codes = alert_codes(effects);
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

// Item 3: the curtain, zoom, contrast and sign keys say their new state.
TEST_F(EveryMode, SettingKeysAnnounceTheNewState) {
  begin();
  Effects e = press(Command::Curtain);
  ASSERT_TRUE(has_alert(e, "curtain_on"));
  e = press(Command::Curtain);
  EXPECT_TRUE(has_alert(e, "curtain_off"));

  e = press(Command::ZoomIn);
  ASSERT_TRUE(has_alert(e, "zoom_changed"));
  EXPECT_EQ(arg(all_of<Alert>(e).back().text, "value"), "120");

  e = press(Command::Contrast);
  ASSERT_TRUE(has_alert(e, "theme_changed"));
  EXPECT_EQ(arg(all_of<Alert>(e).back().text, "name"), "[theme.yellow]");

  e = press(Command::Sign);
  EXPECT_TRUE(has_alert(e, "sign_on"));
  e = press(Command::Sign);
  EXPECT_TRUE(has_alert(e, "sign_off"));
}

// Item 7: the warning counts down every second and is said at 30 and 10 seconds only.
TEST_F(EveryMode, TimeoutWarningCountsDownAndSpeaksAtFewPoints) {
  begin();
  std::vector<std::string> spoken_at;
  for (now = 0; now <= options.idle_ms + options.answer_ms - 1000; now += 500) {
    const Effects e = kiosk.tick(now);
    if (!kiosk.warning()) continue;
    const std::int64_t left = (options.idle_ms + options.answer_ms - now + 999) / 1000;
    EXPECT_EQ(arg(kiosk.tree().prompt, "seconds"), std::to_string(left)) << now;
    ASSERT_TRUE(kiosk.status().has_value());
    EXPECT_EQ(arg(kiosk.status()->text, "seconds"), std::to_string(left)) << now;
    if (has_alert(e, "timeout_countdown")) spoken_at.push_back(arg(all_of<Alert>(e).back().text, "seconds"));
  }
  EXPECT_EQ(spoken_at, (std::vector<std::string>{"30", "10"}));
}

// Item 5: one staff call per visit until it is answered no; a repeat press says so.
TEST_F(EveryMode, OneStaffCallPerVisit) {
  begin();
  auto answer = [&](const Effects& sent, bool ok) {
    const auto requests = all_of<Request>(sent);
    ASSERT_EQ(requests.size(), 1u);
    Reply reply;
    reply.id = requests[0].id;
    reply.ok = ok;
    if (!ok) reply.error.code = "backend_unreachable";
    kiosk.reply(reply, now);
  };
  Effects first = press(Command::CallStaff);
  EXPECT_EQ(all_of<Request>(first).size(), 1u);
  Effects e = press(Command::CallStaff);
  EXPECT_TRUE(all_of<Request>(e).empty());
  EXPECT_TRUE(has_alert(e, "staff_call_already"));
  answer(first, true);
  e = press(Command::CallStaff);
  EXPECT_TRUE(all_of<Request>(e).empty());
  EXPECT_TRUE(has_alert(e, "staff_call_already"));
  // The sign interpreter is a call of its own.
  kiosk.touch("home.sign_interpreter", TouchKind::Tap, now);
  e = kiosk.touch("home.sign_interpreter", TouchKind::Tap, now);
  EXPECT_EQ(all_of<Request>(e).size(), 1u);
  answer(e, false);
  kiosk.touch("home.sign_interpreter", TouchKind::Tap, now);   // touch-to-explore reads first
  e = kiosk.touch("home.sign_interpreter", TouchKind::Tap, now);
  EXPECT_EQ(all_of<Request>(e).size(), 1u) << "a failed call may be tried again";
}

// Item 6: ending is confirmed (default no) and said goodbye to after the wipe; the
// expiry says the visit ended and was cleared.
TEST_F(EveryMode, EndingAVisitIsConfirmedAndSaysGoodbye) {
  begin();
  kiosk.focus_node("home.finish", now);
  Effects e = press(Command::Select);
  EXPECT_TRUE(kiosk.in_session());
  EXPECT_EQ(kiosk.tree().screen_id, "finish");
  EXPECT_EQ(kiosk.focus().current(), "finish.no");
  e = press(Command::Select);   // a stray Select keeps the visit
  EXPECT_TRUE(kiosk.in_session());
  EXPECT_EQ(kiosk.focus().current(), "home.finish");
  press(Command::Select);
  press(Command::Back);
  EXPECT_EQ(kiosk.tree().screen_id, "home");
  press(Command::Select);
  press(Command::Down);
  e = press(Command::Select);
  EXPECT_FALSE(kiosk.in_session());
  EXPECT_EQ(kiosk.tree().screen_id, "attract");
  ASSERT_TRUE(has_alert(e, "goodbye"));
  // After the wipe, so no presenter drops it with the visit.
  std::size_t reset_at = 0, goodbye_at = 0;
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (const auto* s = std::get_if<SessionEvent>(&e[i]); s && s->event == "reset") reset_at = i;
    if (const auto* a = std::get_if<Alert>(&e[i]); a && a->code == "goodbye") goodbye_at = i;
  }
  EXPECT_LT(reset_at, goodbye_at);
  ASSERT_TRUE(kiosk.status().has_value());
  press(Command::Select);   // the next visit does not inherit the goodbye
  EXPECT_FALSE(kiosk.status().has_value());
}

TEST_F(EveryMode, ExpirySaysTheVisitEndedAndWasCleared) {
  begin();
  kiosk.tick(options.idle_ms);
  const Effects e = kiosk.tick(options.idle_ms + options.answer_ms);
  EXPECT_FALSE(kiosk.in_session());
  EXPECT_TRUE(has_alert(e, "session_expired"));
}

// Item 8: a level above the safe limit takes a second press, after a spoken warning.
TEST_F(EveryMode, LoudVolumeTakesASecondPressAfterAWarning) {
  begin();
  ASSERT_EQ(kiosk.settings().volume, 6);
  press(Command::VolumeUp);
  press(Command::VolumeUp);
  EXPECT_EQ(kiosk.settings().volume, kVolumeSafeMax);
  Effects e = press(Command::VolumeUp);
  EXPECT_TRUE(has_alert(e, "volume_loud"));
  EXPECT_TRUE(all_of<SettingChanged>(e).empty());
  EXPECT_EQ(kiosk.settings().volume, 8);
  press(Command::Down);                            // anything else in between disarms
  e = press(Command::VolumeUp);
  EXPECT_TRUE(has_alert(e, "volume_loud"));
  EXPECT_EQ(kiosk.settings().volume, 8);
  e = press(Command::VolumeUp);                    // the second press
  EXPECT_EQ(kiosk.settings().volume, 9);
  e = press(Command::VolumeUp);
  EXPECT_TRUE(has_alert(e, "volume_loud"));
  press(Command::VolumeUp);
  EXPECT_EQ(kiosk.settings().volume, 10);
  press(Command::VolumeDown);                      // down never asks
  EXPECT_EQ(kiosk.settings().volume, 9);
}

// Item 12: on the attract screen the sign and call-staff keys start the visit and do
// their job; any other first key only starts it.
TEST_F(EveryMode, SignAndCallStaffKeysWorkAsTheFirstPress) {
  kiosk.start(now);
  Effects e = press(Command::Sign);
  EXPECT_TRUE(kiosk.in_session());
  EXPECT_TRUE(kiosk.settings().sign);
  EXPECT_TRUE(has_alert(e, "sign_on"));
  kiosk.tick(options.idle_ms);
  kiosk.tick(options.idle_ms + options.answer_ms);
  ASSERT_FALSE(kiosk.in_session());
  e = press(Command::CallStaff);
  EXPECT_TRUE(kiosk.in_session());
  EXPECT_EQ(all_of<Request>(e).size(), 1u);
  EXPECT_TRUE(has_alert(e, "staff_call_sending"));
  kiosk.tick(options.idle_ms);
  kiosk.tick(options.idle_ms + options.answer_ms);
  e = press(Command::ZoomIn);
  EXPECT_EQ(kiosk.settings().zoom, 100);
  EXPECT_TRUE(all_of<Alert>(e).empty());
}

// Item 4: unplugging the headset under the curtain lifts it, so the notice is seen.
TEST_F(EveryMode, HeadsetUnpluggedUnderTheCurtainLiftsIt) {
  kiosk.start(now);
  kiosk.headphones(true, now);
  press(Command::Curtain);
  ASSERT_TRUE(kiosk.settings().curtain);
  const Effects e = kiosk.headphones(false, now);
  EXPECT_FALSE(kiosk.settings().speech);
  EXPECT_FALSE(kiosk.settings().curtain);
  EXPECT_TRUE(has_alert(e, "headset_removed"));
  bool announced = false;
  for (const auto& s : all_of<SettingChanged>(e)) announced = announced || s.name == "curtain";
  EXPECT_TRUE(announced);
}

// Item 2: speech turned on by a touch explains touching (touch reads, a second tap
// opens), not keys; turned on by a key, it explains keys.
TEST_F(EveryMode, SpeechTurnedOnByTouchGivesTheTouchGuide) {
  speech::SpeechPresenter presenter;
  kiosk.start(now);
  kiosk.touch("attract.start", TouchKind::Tap, now);
  ASSERT_EQ(kiosk.focus().current(), "home.speech_on");
  const Effects e = kiosk.touch("home.speech_on", TouchKind::Tap, now);
  EXPECT_TRUE(kiosk.settings().speech);
  EXPECT_TRUE(kiosk.settings().touch_explore);
  std::string said;
  for (const auto& action : presenter.present(e, kiosk)) said += action.text;
  EXPECT_NE(said.find("[speech.guide_touch]"), std::string::npos) << said;
  EXPECT_EQ(said.find("[speech.guide]"), std::string::npos) << said;
}
