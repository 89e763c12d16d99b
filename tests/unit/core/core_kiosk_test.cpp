// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk state machine as a resident meets it: starting, moving, settings,
// help, where, timeout and reset. Pure: no drivers, no files.
#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/core/kiosk/kiosk.h"
#include "kiosk_fixture.h"

using namespace kiosk::core;

namespace {

using fixtures::all_of;

bool has_earcon(const Effects& effects, const std::string& name) {
  for (const auto& e : all_of<Earcon>(effects))
    if (e.name == name) return true;
  return false;
}

struct KioskFixture : fixtures::KioskTest {
  Effects press(Command command) { return kiosk.command(command, InputSource::Key, now); }
};

}  // namespace

TEST_F(KioskFixture, StartsOnAttractAndFirstKeyOnlyOpensHome) {
  kiosk.start(now);
  EXPECT_EQ(kiosk.tree().screen_id, "attract");
  const Effects effects = press(Command::Down);   // must not also move the focus
  EXPECT_EQ(kiosk.tree().screen_id, "home");
  EXPECT_EQ(kiosk.focus().index(), 0);
  ASSERT_EQ(all_of<SessionEvent>(effects).size(), 1u);
  EXPECT_EQ(all_of<SessionEvent>(effects)[0].event, "start");
  EXPECT_TRUE(kiosk.settings().speech);
  EXPECT_FALSE(all_of<SpeechRequest>(effects).empty());
}

TEST_F(KioskFixture, TouchStartKeepsSpeechOffAndOffersIt) {
  kiosk.start(now);
  kiosk.touch("attract.start", TouchKind::Tap, now);
  EXPECT_FALSE(kiosk.settings().speech);
  EXPECT_EQ(kiosk.tree().nodes.front().id, "home.speech_on");
  // The first key press in such a session turns speech on and is used up.
  press(Command::Down);
  EXPECT_TRUE(kiosk.settings().speech);
  EXPECT_EQ(kiosk.focus().index(), 0);
}

TEST_F(KioskFixture, EveryActionInterruptsSpeechFirst) {
  kiosk.start(now);
  press(Command::Select);
  for (Command c : {Command::Down, Command::Up, Command::Select, Command::Back, Command::Repeat}) {
    const Effects effects = press(c);
    ASSERT_FALSE(effects.empty());
    const auto* first = std::get_if<SpeechRequest>(&effects.front());
    ASSERT_NE(first, nullptr) << command_name(c);
    EXPECT_EQ(first->control, SpeechControl::Interrupt);
  }
}

TEST_F(KioskFixture, DownWrapsWithWrapEarconAndFocusPosition) {
  kiosk.start(now);
  press(Command::Select);
  const int count = kiosk.focus().count();
  for (int i = 1; i < count; ++i) press(Command::Down);
  const Effects effects = press(Command::Down);
  EXPECT_TRUE(has_earcon(effects, "wrap"));
  auto focus = all_of<FocusMoved>(effects);
  ASSERT_EQ(focus.size(), 1u);
  EXPECT_EQ(focus[0].index, 1);
  EXPECT_EQ(focus[0].count, count);
}

TEST_F(KioskFixture, DigitMovesFocusToThatMenuItem) {
  kiosk.start(now);
  press(Command::Select);
  press(Command::Digit3);
  EXPECT_EQ(kiosk.focus().current(), "home.help");
  const Effects effects = press(Command::Digit9);
  ASSERT_FALSE(all_of<Alert>(effects).empty());
  EXPECT_EQ(all_of<Alert>(effects)[0].code, "no_such_item");
}

TEST_F(KioskFixture, ZoomStepsThroughTheFiveSizesAndStopsAtTheEnds) {
  kiosk.start(now);
  press(Command::Select);
  std::vector<int> seen;
  for (int i = 0; i < 4; ++i) {
    for (const auto& s : all_of<SettingChanged>(press(Command::ZoomIn)))
      if (s.name == "zoom") seen.push_back(std::get<int>(s.value));
  }
  EXPECT_EQ(seen, (std::vector<int>{120, 160, 200}));
  EXPECT_EQ(kiosk.settings().zoom, 200);
  EXPECT_EQ(kiosk.status()->code, "zoom_max");
}

TEST_F(KioskFixture, ContrastAndLanguageKeysChangeSettings) {
  kiosk.start(now);
  press(Command::Select);
  press(Command::Contrast);
  EXPECT_EQ(kiosk.settings().theme, "yellow_on_black");
  press(Command::Language);
  EXPECT_EQ(kiosk.settings().language, "en");
  press(Command::Contrast);
  EXPECT_EQ(kiosk.settings().theme, "default");
}

TEST_F(KioskFixture, HelpOnceExplainsItemTwiceOpensHelpScreen) {
  kiosk.start(now);
  press(Command::Select);
  press(Command::Help);
  EXPECT_EQ(kiosk.tree().screen_id, "home");
  ASSERT_TRUE(kiosk.status().has_value());
  EXPECT_EQ(kiosk.status()->text.id, "home.settings.hint");
  press(Command::Help);
  EXPECT_EQ(kiosk.tree().screen_id, "help");
  EXPECT_FALSE(kiosk.status().has_value()) << "home's item help must not stay on the help screen";
  press(Command::Back);
  EXPECT_EQ(kiosk.tree().screen_id, "home");
}

TEST_F(KioskFixture, WhereTellsScreenAndPosition) {
  kiosk.start(now);
  press(Command::Select);
  press(Command::Down);
  auto alerts = all_of<Alert>(press(Command::Where));
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].code, "where");
  const auto& args = alerts[0].text.args;
  auto arg = [&](const std::string& name) {
    for (const auto& [k, v] : args)
      if (k == name) return v;
    return std::string();
  };
  EXPECT_EQ(arg("item"), "2");
  EXPECT_EQ(arg("count"), std::to_string(kiosk.focus().count()));
}

TEST_F(KioskFixture, WhereReadsATitleQuestionWithoutItsQuestionMark) {
  catalog.add("zh-CN", "home.title", {"残疾类别是什么？", {}});
  catalog.add("en", "home.title", {"What is the category?", {}});
  kiosk.start(now);
  press(Command::Select);
  for (const auto& [language, screen] : {std::pair{"zh-CN", "残疾类别是什么"}, std::pair{"en", "What is the category"}}) {
    if (kiosk.settings().language != language) press(Command::Language);
    auto alerts = all_of<Alert>(press(Command::Where));
    ASSERT_EQ(alerts.size(), 1u);
    std::string said;
    for (const auto& [name, value] : alerts[0].text.args)
      if (name == "screen") said = value;
    EXPECT_EQ(said, screen);
  }
}

// Easy read puts "call staff" on every screen of a visit (docs/accessibility.md C2); it asks
// for staff with the screen's id, and is gone again without easy read.
TEST_F(KioskFixture, EasyReadOffersCallStaffOnEveryScreen) {
  kiosk.start(now);
  press(Command::Select);
  ASSERT_EQ(kiosk.tree().screen_id, "home");
  kiosk.focus_node("home.settings", now);
  press(Command::Select);
  ASSERT_EQ(kiosk.tree().screen_id, "settings");
  EXPECT_EQ(kiosk.tree().find("settings.call_staff"), nullptr);
  kiosk.focus_node("settings.easy_read", now);
  press(Command::Select);
  ASSERT_TRUE(kiosk.settings().easy_read);
  ASSERT_FALSE(kiosk.tree().nodes.empty());
  EXPECT_EQ(kiosk.tree().nodes.back().id, "settings.call_staff");
  press(Command::Help);
  press(Command::Help);
  ASSERT_EQ(kiosk.tree().screen_id, "help");
  EXPECT_EQ(kiosk.tree().nodes.back().id, "help.call_staff");
  kiosk.focus_node("help.call_staff", now);
  const auto requests = all_of<Request>(press(Command::Select));
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].spec.endpoint, "staff_call");
  EXPECT_EQ(requests[0].spec.kind, RequestKind::Live);
  EXPECT_EQ(requests[0].spec.body["screen_id"].as_string(), "help");
  press(Command::Back);
  ASSERT_EQ(kiosk.tree().screen_id, "home");
  EXPECT_EQ(std::count_if(kiosk.tree().nodes.begin(), kiosk.tree().nodes.end(),
                          [](const Node& node) { return node.id.ends_with(".call_staff"); }), 1)
      << "home has its own";
}

TEST_F(KioskFixture, TimeoutWarnsExtendsAndResetsEverything) {
  kiosk.start(now);
  press(Command::Select);
  press(Command::ZoomIn);
  press(Command::Language);
  press(Command::Down);
  now = 180'000;
  Effects warn = kiosk.tick(now);
  EXPECT_EQ(kiosk.tree().screen_id, "timeout");
  EXPECT_TRUE(has_earcon(warn, "timeout_warning"));
  now = 190'000;
  press(Command::Up);   // any key extends, and returns where the resident was
  EXPECT_EQ(kiosk.tree().screen_id, "home");
  EXPECT_EQ(kiosk.focus().current(), "home.language");
  now = 190'000 + 180'000;
  kiosk.tick(now);
  now += 45'000;
  Effects reset = kiosk.tick(now);
  EXPECT_EQ(kiosk.tree().screen_id, "attract");
  EXPECT_FALSE(kiosk.in_session());
  EXPECT_EQ(kiosk.settings(), options.hall_defaults);
  bool saw_reset = false;
  for (const auto& s : all_of<SessionEvent>(reset)) saw_reset = saw_reset || s.event == "reset";
  EXPECT_TRUE(saw_reset);
}

TEST_F(KioskFixture, CurtainNeedsSpeechOrBraille) {
  kiosk.start(now);
  kiosk.touch("attract.start", TouchKind::Tap, now);   // speech off
  kiosk.touch("home.call_staff", TouchKind::Hold, now);
  EXPECT_FALSE(kiosk.settings().curtain);
  press(Command::Select);   // turns speech on (used up)
  press(Command::Curtain);
  EXPECT_TRUE(kiosk.settings().curtain);
}

TEST_F(KioskFixture, HeadsetUnplugStopsSpeechAndNeverMovesToSpeaker) {
  kiosk.start(now);
  kiosk.headphones(true, now);
  EXPECT_TRUE(kiosk.in_session());
  EXPECT_TRUE(kiosk.settings().speech);
  const Effects out = kiosk.headphones(false, now);
  EXPECT_FALSE(kiosk.settings().speech);
  ASSERT_FALSE(all_of<SpeechRequest>(out).empty());
  EXPECT_EQ(all_of<SpeechRequest>(out)[0].control, SpeechControl::Interrupt);
}

TEST_F(KioskFixture, TouchExploreReadsFirstThenActivates) {
  kiosk.start(now);
  press(Command::Select);   // key start: speech on, touch-to-explore on
  kiosk.touch("home.settings", TouchKind::Tap, now);
  EXPECT_EQ(kiosk.tree().screen_id, "home");
  EXPECT_EQ(kiosk.focus().current(), "home.settings");
  kiosk.touch("home.settings", TouchKind::Tap, now);
  EXPECT_EQ(kiosk.tree().screen_id, "settings");
}

TEST_F(KioskFixture, SettingsChoiceAdjustsWithLeftRight) {
  kiosk.start(now);
  press(Command::Select);
  kiosk.focus_node("home.settings", now);
  press(Command::Select);
  ASSERT_EQ(kiosk.tree().screen_id, "settings");
  EXPECT_EQ(kiosk.focus().current(), "settings.zoom");
  press(Command::Right);
  EXPECT_EQ(kiosk.settings().zoom, 120);
  EXPECT_EQ(kiosk.tree().find("settings.zoom")->value, "120%");
  press(Command::Left);
  press(Command::Left);
  EXPECT_EQ(kiosk.settings().zoom, 80);
}

TEST_F(KioskFixture, SignSpeedStepsDownToHalfAndReturnsToTheHallDefaultAtSessionEnd) {
  kiosk.start(now);
  press(Command::Select);
  kiosk.focus_node("home.settings", now);
  press(Command::Select);
  kiosk.focus_node("settings.sign_speed", now);
  ASSERT_EQ(kiosk.focus().current(), "settings.sign_speed");
  EXPECT_EQ(kiosk.settings().sign_speed, 100);
  Effects slower = press(Command::Left);
  EXPECT_EQ(kiosk.settings().sign_speed, 75);
  ASSERT_EQ(all_of<SettingChanged>(slower).size(), 1u);
  EXPECT_EQ(all_of<SettingChanged>(slower)[0].name, "sign_speed");
  EXPECT_EQ(std::get<int>(all_of<SettingChanged>(slower)[0].value), 75);
  EXPECT_EQ(kiosk.tree().find("settings.sign_speed")->value, "75%");
  press(Command::Left);
  EXPECT_EQ(kiosk.settings().sign_speed, 50);
  EXPECT_TRUE(has_earcon(press(Command::Left), "error"));   // 0.5x is the floor
  EXPECT_EQ(kiosk.settings().sign_speed, 50);
  press(Command::Select);   // select cycles: 50 -> 75
  EXPECT_EQ(kiosk.settings().sign_speed, 75);
  kiosk.focus_node("settings.sign_large", now);
  ASSERT_EQ(kiosk.focus().current(), "settings.sign_large");
  press(Command::Select);
  EXPECT_TRUE(kiosk.settings().sign_large);
  // The session ends (finish by timeout): both go back, each with its setting event.
  now += 180'000;
  kiosk.tick(now);
  now += 45'000;
  const Effects reset = kiosk.tick(now);
  EXPECT_EQ(kiosk.settings().sign_speed, options.hall_defaults.sign_speed);
  EXPECT_FALSE(kiosk.settings().sign_large);
  std::vector<std::string> names;
  for (const auto& s : all_of<SettingChanged>(reset)) names.push_back(s.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "sign_speed"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "sign_large"), names.end());
}

TEST_F(KioskFixture, BrailleTableIsAChoiceThatStepsWrapsAndResets) {
  kiosk.start(now);
  press(Command::Select);
  kiosk.focus_node("home.settings", now);
  press(Command::Select);
  kiosk.focus_node("settings.braille_table", now);
  ASSERT_EQ(kiosk.focus().current(), "settings.braille_table");
  EXPECT_EQ(kiosk.tree().find("settings.braille_table")->role, Role::Choice);
  Effects right = press(Command::Right);
  EXPECT_EQ(kiosk.settings().braille_table, "kiosk-zh-g1");
  ASSERT_EQ(all_of<SettingChanged>(right).size(), 1u);
  EXPECT_EQ(all_of<SettingChanged>(right)[0].name, "braille_table");
  EXPECT_EQ(std::get<std::string>(all_of<SettingChanged>(right)[0].value), "kiosk-zh-g1");
  // The choice shows the table's name (here the bracketed id: this catalogue is empty).
  EXPECT_EQ(kiosk.tree().find("settings.braille_table")->value, "[braille.table.kiosk-zh-g1]");
  press(Command::Left);
  press(Command::Left);   // wraps backwards to the last table
  EXPECT_EQ(kiosk.settings().braille_table, "en-ueb-g2");
  press(Command::Select);   // select steps forward and wraps
  EXPECT_EQ(kiosk.settings().braille_table, "kiosk-zh");
  press(Command::Right);
  // "Reset settings" and the visit's end both go back to the hall default.
  kiosk.focus_node("settings.reset", now);
  Effects reset = press(Command::Select);
  EXPECT_EQ(kiosk.settings().braille_table, options.hall_defaults.braille_table);
  bool announced = false;
  for (const auto& s : all_of<SettingChanged>(reset)) announced = announced || s.name == "braille_table";
  EXPECT_TRUE(announced);
  kiosk.focus_node("settings.braille_table", now);
  press(Command::Right);
  kiosk.focus_node("settings.done", now);
  press(Command::Select);
  kiosk.focus_node("home.finish", now);
  press(Command::Select);   // 确定结束吗？
  kiosk.focus_node("finish.yes", now);
  Effects finish = press(Command::Select);
  EXPECT_EQ(kiosk.settings().braille_table, "kiosk-zh");
  announced = false;
  for (const auto& s : all_of<SettingChanged>(finish))
    announced = announced || (s.name == "braille_table" && std::get<std::string>(s.value) == "kiosk-zh");
  EXPECT_TRUE(announced);
}
