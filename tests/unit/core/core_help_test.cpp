// SPDX-License-Identifier: GPL-3.0-or-later
// Help in layers (docs/accessibility.md section 2): the item's help, then the key list,
// then key-describer mode, where keys say what they do and do nothing until Help.
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>

#include "kiosk/core/ui/key_help.h"
#include "kiosk/core/kiosk/kiosk.h"
#include "kiosk_fixture.h"

using namespace kiosk::core;

namespace {

std::optional<Alert> alert_in(const Effects& effects) {
  for (const auto& e : effects)
    if (const auto* a = std::get_if<Alert>(&e)) return *a;
  return std::nullopt;
}

bool changes_a_setting(const Effects& effects) {
  for (const auto& e : effects)
    if (std::holds_alternative<SettingChanged>(e)) return true;
  return false;
}

struct HelpFixture : fixtures::KioskTest {
  Effects press(Command command) { return kiosk.command(command, InputSource::Key, ++now); }
  void open_help_screen() {
    kiosk.start(now);
    press(Command::Select);   // starts the session on home
    press(Command::Help);
    press(Command::Help);
    ASSERT_EQ(kiosk.tree().screen_id, "help");
  }
};

}  // namespace

TEST_F(HelpFixture, FirstHelpExplainsTheItemSecondOpensTheKeyList) {
  kiosk.start(now);
  press(Command::Select);
  ASSERT_NE(kiosk.focused_node(), nullptr);
  const std::string hint = kiosk.focused_node()->hint.id;
  ASSERT_FALSE(hint.empty());
  const Effects first = press(Command::Help);   // shown in the status line, spoken by the presenter
  ASSERT_TRUE(kiosk.status());
  EXPECT_EQ(kiosk.status()->code, "help");
  EXPECT_EQ(kiosk.status()->text.id, hint);
  bool asks_for_help = false;
  for (const auto& e : first)
    if (const auto* r = std::get_if<SpeechRequest>(&e)) asks_for_help |= r->control == SpeechControl::Help;
  EXPECT_TRUE(asks_for_help);
  EXPECT_EQ(kiosk.tree().screen_id, "home");
  press(Command::Help);
  EXPECT_EQ(kiosk.tree().screen_id, "help");
}

TEST_F(HelpFixture, HelpOnTheKeyListStartsKeyDescriberMode) {
  open_help_screen();
  const Effects on = press(Command::Help);
  ASSERT_TRUE(alert_in(on));
  EXPECT_EQ(alert_in(on)->code, "key_describer_on");
  EXPECT_EQ(kiosk.tree().screen_id, "help");
}

TEST_F(HelpFixture, InDescriberModeKeysSayWhatTheyDoAndDoNothing) {
  open_help_screen();
  press(Command::Help);
  const Settings before = kiosk.settings();
  const std::string focus_before = kiosk.focus().current();
  for (Command c : {Command::ZoomIn, Command::Contrast, Command::Language, Command::Home, Command::Down,
                    Command::Select, Command::Back, Command::Digit5, Command::CallStaff, Command::Sign}) {
    const Effects effects = press(c);
    const auto alert = alert_in(effects);
    ASSERT_TRUE(alert) << command_name(c);
    EXPECT_EQ(alert->code, "key_described") << command_name(c);
    EXPECT_EQ(alert->text.id, key_help_id(c)) << command_name(c);
    EXPECT_FALSE(changes_a_setting(effects)) << command_name(c);
    for (const auto& e : effects) EXPECT_FALSE(std::holds_alternative<Request>(e)) << command_name(c);
  }
  EXPECT_EQ(kiosk.settings(), before);
  EXPECT_EQ(kiosk.tree().screen_id, "help");
  EXPECT_EQ(kiosk.focus().current(), focus_before);
}

TEST_F(HelpFixture, HelpAgainLeavesDescriberModeAndKeysActAgain) {
  open_help_screen();
  press(Command::Help);
  const Effects off = press(Command::Help);
  ASSERT_TRUE(alert_in(off));
  EXPECT_EQ(alert_in(off)->code, "key_describer_off");
  const int zoom = kiosk.settings().zoom;
  press(Command::ZoomIn);
  EXPECT_GT(kiosk.settings().zoom, zoom);
}

TEST_F(HelpFixture, SessionEndLeavesDescriberMode) {
  open_help_screen();
  press(Command::Help);
  kiosk.tick(now + options.idle_ms + options.answer_ms + 1000);
  kiosk.tick(now + 2 * (options.idle_ms + options.answer_ms) + 2000);
  ASSERT_EQ(kiosk.tree().screen_id, "attract");
  press(Command::Select);   // a new resident
  const int zoom = kiosk.settings().zoom;
  press(Command::ZoomIn);
  EXPECT_GT(kiosk.settings().zoom, zoom);
}

TEST(KeyHelp, EveryKeyHasALineAndEveryLineIsOnTheHelpScreen) {
  const std::set<std::string> lines(key_help_lines().begin(), key_help_lines().end());
  for (int i = 0; i < kCommandCount; ++i) {
    const auto command = static_cast<Command>(i);
    if (command == Command::HeadphonesToggle) {
      EXPECT_EQ(key_help_id(command), nullptr);
      continue;
    }
    ASSERT_NE(key_help_id(command), nullptr) << command_name(command);
    EXPECT_TRUE(lines.count(key_help_id(command))) << command_name(command);
  }
}
