// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's own screens (kiosk/core/screens), one step of a setting, and the caption and
// earcon presenters, each on its own without a Kiosk.
#include <gtest/gtest.h>

#include "kiosk/core/present/captions/caption_presenter.h"
#include "kiosk/core/present/earcons/earcon_presenter.h"
#include "kiosk/core/screens/language_screen.h"
#include "kiosk/core/screens/setting_steps.h"
#include "kiosk/core/screens/settings_screen.h"

namespace kiosk::core {
namespace {

const std::vector<ThemeChoice> kThemes = {{"default", Message::of("theme.default")}, {"yellow", Message::of("theme.yellow")}};

TEST(SettingSteps, ZoomStopsAtItsEndsAndSaysWhich) {
  Settings s;
  s.zoom = 200;
  const SettingStep up = step_setting(s, SettingControl::Zoom, 1, StepEnd::Stop, kThemes);
  EXPECT_TRUE(up.refused);
  EXPECT_EQ(up.alert, "zoom_max");
  EXPECT_EQ(up.after, s);
  const SettingStep down = step_setting(s, SettingControl::Zoom, -1, StepEnd::Stop, kThemes);
  EXPECT_FALSE(down.refused);
  EXPECT_EQ(down.after.zoom, 160);
}

TEST(SettingSteps, SelectWrapsFromTheLastStepToTheFirst) {
  Settings s;
  s.rate = 200;
  s.volume = kVolumeMax;
  s.sign_speed = 100;
  EXPECT_EQ(step_setting(s, SettingControl::Rate, 1, StepEnd::Wrap, kThemes).after.rate, 50);
  EXPECT_EQ(step_setting(s, SettingControl::Volume, 1, StepEnd::Wrap, kThemes).after.volume, kVolumeMin);
  EXPECT_EQ(step_setting(s, SettingControl::SignSpeed, 1, StepEnd::Wrap, kThemes).after.sign_speed, 50);
  const SettingStep end = step_setting(s, SettingControl::SignSpeed, 1, StepEnd::Stop, kThemes);
  EXPECT_TRUE(end.refused);
  EXPECT_TRUE(end.alert.empty());   // the earcon only
}

TEST(SettingSteps, ThemesAndBrailleTablesAreRings) {
  Settings s;
  s.theme = "yellow";
  EXPECT_EQ(step_setting(s, SettingControl::Theme, 1, StepEnd::Stop, kThemes).after.theme, "default");
  EXPECT_EQ(step_setting(s, SettingControl::BrailleTable, -1, StepEnd::Stop, kThemes).after.braille_table, "en-ueb-g2");
}

TEST(SettingSteps, ResetKeepsLanguageSpeechCurtainAndSign) {
  Settings defaults;
  Settings s;
  s.zoom = 200;
  s.language = "en";
  s.speech = true;
  s.curtain = true;
  s.sign = true;
  const Settings reset = reset_accessibility(s, defaults);
  EXPECT_EQ(reset.zoom, defaults.zoom);
  EXPECT_EQ(reset.language, "en");
  EXPECT_TRUE(reset.speech && reset.curtain && reset.sign);
}

TEST(OwnScreens, SettingsChoicesAskForOneStepAndSelectWraps) {
  Catalog catalog;
  Settings s;
  Settings defaults;
  const ScreenContext context{s, defaults, kThemes, catalog, false};
  SettingsScreen screen;
  const ScreenOutcome left = screen.adjust("settings.zoom", -1, context);
  ASSERT_TRUE(left.step);
  EXPECT_EQ(*left.step, SettingControl::Zoom);
  EXPECT_EQ(left.direction, -1);
  EXPECT_EQ(left.at_end, StepEnd::Stop);
  const ScreenOutcome select = screen.activate("settings.volume", context);
  EXPECT_EQ(select.at_end, StepEnd::Wrap);
  EXPECT_EQ(screen.activate("settings.done", context).kind, ScreenOutcome::Kind::Home);
  EXPECT_EQ(screen.build(context).screen_id, "settings");
}

TEST(OwnScreens, LanguageChoiceSetsTheLanguageAndGoesHome) {
  Catalog catalog;
  Settings s;
  const ScreenContext context{s, s, kThemes, catalog, false};
  LanguageScreen screen;
  const ScreenOutcome outcome = screen.activate("language.en", context);
  EXPECT_EQ(outcome.kind, ScreenOutcome::Kind::Home);
  ASSERT_TRUE(outcome.settings);
  EXPECT_EQ(outcome.settings->language, "en");
}

TEST(EarconPresenter, PlaysTheBatchsEarconsUnlessTurnedOff) {
  const Effects effects{Earcon{"screen"}, SpeechRequest{SpeechControl::Interrupt}, Earcon{"focus"}};
  Settings s;
  earcons::EarconPresenter presenter;
  EXPECT_EQ(presenter.present(effects, s), (std::vector<std::string>{"screen", "focus"}));
  s.earcons = false;
  EXPECT_TRUE(presenter.present(effects, s).empty());
}

TEST(CaptionPresenter, ShowsEachUtteranceAndNothingUnderTheCurtain) {
  using speech::SpeechAction;
  using speech::SpeechActionKind;
  SpeechAction said;
  said.kind = SpeechActionKind::Speak;
  said.caption_text = "首页";
  Settings s;
  captions::CaptionPresenter presenter;
  EXPECT_EQ(presenter.present({SpeechAction{}, said}, s), std::vector<std::string>{"首页"});
  EXPECT_EQ(presenter.line(), "首页");
  s.curtain = true;
  said.caption = false;
  EXPECT_TRUE(presenter.present({said}, s).empty());
  EXPECT_EQ(presenter.line(), "");
}

}  // namespace
}  // namespace kiosk::core
