// SPDX-License-Identifier: GPL-3.0-or-later
// SpeechPresenter against a real core::Kiosk: Interrupt before speech, the privacy
// rules (S6/S7), the announce route, verbosity, rate and volume, pause, repeat, where,
// help, alerts and captions with speech off.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "kiosk/core/present/speech/speech_presenter.h"

namespace kiosk::core::speech {
namespace {

class SpeechPresenterTest : public ::testing::Test {
 protected:
  SpeechPresenterTest() {
    m_catalog.add("zh-CN", "speech.hidden", {"内容已隐藏，请使用耳机", ""});
    m_catalog.add("zh-CN", "speech.secret", {"已隐藏", ""});
    m_kiosk = std::make_unique<Kiosk>(KioskOptions{}, m_catalog);
    (void)m_presenter.present(m_kiosk->start(0), *m_kiosk);
    // The first key starts the session and turns speech on.
    (void)m_presenter.present(m_kiosk->command(Command::Down, InputSource::Key, 0), *m_kiosk);
  }
  std::vector<SpeechAction> speak_alert(Privacy privacy) {
    return m_presenter.present({Alert{"test", Message::text("请拨打13800138000"), privacy}}, *m_kiosk);
  }
  Catalog m_catalog;
  std::unique_ptr<Kiosk> m_kiosk;
  SpeechPresenter m_presenter;
};

TEST_F(SpeechPresenterTest, KeyInterruptsBeforeNewSpeech) {
  ASSERT_TRUE(m_kiosk->settings().speech);
  auto actions = m_presenter.present(m_kiosk->command(Command::Down, InputSource::Key, 10), *m_kiosk);
  ASSERT_GE(actions.size(), 2u);
  EXPECT_EQ(actions.front().kind, SpeechActionKind::Stop);
  EXPECT_EQ(actions.back().kind, SpeechActionKind::Speak);
  EXPECT_FALSE(actions.back().text.empty());
}

TEST_F(SpeechPresenterTest, PersonalAlertOnSpeakerIsHidden) {
  auto actions = speak_alert(Privacy::Personal);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].route, SpeechRoute::Speaker);
  EXPECT_EQ(actions[0].text, "内容已隐藏，请使用耳机");
  EXPECT_FALSE(actions[0].is_private);
}

TEST_F(SpeechPresenterTest, PersonalAlertOnHeadsetIsSpoken) {
  (void)m_presenter.present(m_kiosk->headphones(true, 20), *m_kiosk);
  auto actions = speak_alert(Privacy::Personal);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].route, SpeechRoute::Headset);
  EXPECT_EQ(actions[0].text, "请拨打13800138000");
  EXPECT_TRUE(actions[0].is_private);
}

TEST_F(SpeechPresenterTest, SecretIsNeverSpoken) {
  (void)m_presenter.present(m_kiosk->headphones(true, 20), *m_kiosk);
  auto actions = speak_alert(Privacy::Secret);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].text, "已隐藏");
}

TEST_F(SpeechPresenterTest, AnnounceSpeaksAsIfHeadsetWithSpeechOff) {
  Kiosk fresh(KioskOptions{}, m_catalog);
  SpeechPresenter presenter;
  (void)presenter.present(fresh.start(0), fresh);
  ASSERT_FALSE(fresh.settings().speech);
  auto actions = presenter.present({Alert{"announce", Message::text("请拨打13800138000"), Privacy::Personal}}, fresh);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].route, SpeechRoute::Headset);
  EXPECT_EQ(actions[0].text, "请拨打13800138000");
  // Other alerts stay silent while speech is off: captioned, not said.
  auto other = presenter.present({Alert{"x", Message::text("hello"), Privacy::Public}}, fresh);
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].kind, SpeechActionKind::Caption);
  EXPECT_EQ(other[0].caption_text, "hello");
  EXPECT_TRUE(other[0].text.empty());
}

TEST_F(SpeechPresenterTest, RepeatSaysTheLastPromptAgainWithStateUnchanged) {
  auto first = m_presenter.present(m_kiosk->command(Command::Down, InputSource::Key, 10), *m_kiosk);
  const Settings settings = m_kiosk->settings();
  const std::string focus = m_kiosk->focus().current();
  const std::string screen = m_kiosk->tree().screen_id;
  auto again = m_presenter.present(m_kiosk->command(Command::Repeat, InputSource::Key, 20), *m_kiosk);
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[0].kind, SpeechActionKind::Stop);
  EXPECT_EQ(again[1].text, first.back().text);
  EXPECT_EQ(m_kiosk->settings(), settings);
  EXPECT_EQ(m_kiosk->focus().current(), focus);
  EXPECT_EQ(m_kiosk->tree().screen_id, screen);
  // And again: Repeat does not replace what it repeats.
  auto third = m_presenter.present(m_kiosk->command(Command::Repeat, InputSource::Key, 30), *m_kiosk);
  ASSERT_FALSE(third.empty());
  EXPECT_EQ(third.back().text, first.back().text);
}

// ---- a presenter over a kiosk with the texts these tests read ---------------------------

class SpeechFlowTest : public ::testing::Test {
 protected:
  SpeechFlowTest() {
    m_catalog.add("zh-CN", "speech.hidden", {"内容已隐藏，请使用耳机", ""});
    m_catalog.add("zh-CN", "speech.position", {"第{index}项，共{count}项", ""});
    m_catalog.add("zh-CN", "speech.role.button", {"按钮", ""});
    m_catalog.add("zh-CN", "speech.role.choice", {"选项", ""});
    m_catalog.add("zh-CN", "speech.rate", {"语速{value}%", ""});
    m_catalog.add("zh-CN", "speech.volume", {"音量{value}", ""});
    m_catalog.add("zh-CN", "speech.guide", {"上下键选择。", ""});
    m_catalog.add("zh-CN", "home.title", {"请选择服务", ""});
    m_catalog.add("zh-CN", "home.prompt", {"用上下键选择", ""});
    m_catalog.add("zh-CN", "home.settings", {"无障碍设置", ""});
    m_catalog.add("zh-CN", "home.settings.hint", {"调整文字大小", ""});
    m_catalog.add("zh-CN", "home.language", {"语言", ""});
    m_catalog.add("zh-CN", "home.language.hint", {"选择中文或英文", ""});
    m_catalog.add("zh-CN", "settings.title", {"设置", ""});
    m_catalog.add("zh-CN", "help.title", {"按键说明", ""});
    m_catalog.add("zh-CN", "where.plain", {"您在：{screen}，第{item}项，共{count}项", ""});
    m_catalog.add("zh-CN", "timeout.title", {"还在吗", ""});
    m_catalog.add("zh-CN", "timeout.prompt", {"按任意键继续。{seconds}秒后结束。", ""});
    m_catalog.add("zh-CN", "alert.rate_max", {"语速已经是最快", ""});
  }
  void start(Verbosity verbosity = Verbosity::Full, InputSource source = InputSource::Key) {
    KioskOptions options;
    options.hall_defaults.verbosity = verbosity;
    m_kiosk = std::make_unique<Kiosk>(options, m_catalog);
    m_presenter = SpeechPresenter{};
    (void)m_presenter.present(m_kiosk->start(0), *m_kiosk);
    if (source == InputSource::Touch) m_first = m_presenter.present(m_kiosk->touch("", TouchKind::Tap, 0), *m_kiosk);
    else m_first = m_presenter.present(m_kiosk->command(Command::Select, InputSource::Key, 0), *m_kiosk);
  }
  std::vector<SpeechAction> press(Command command) {
    m_now += 1000;
    return m_presenter.present(m_kiosk->command(command, InputSource::Key, m_now), *m_kiosk);
  }
  std::vector<SpeechAction> focus(const std::string& node) {
    m_now += 1000;
    return m_presenter.present(m_kiosk->focus_node(node, m_now), *m_kiosk);
  }
  // The one Speak action of a batch ("" and a test failure when there is none).
  static SpeechAction spoken(const std::vector<SpeechAction>& actions) {
    SpeechAction found;
    found.kind = SpeechActionKind::Stop;
    int count = 0;
    for (const auto& a : actions)
      if (a.kind == SpeechActionKind::Speak) {
        found = a;
        ++count;
      }
    EXPECT_EQ(count, 1) << "one utterance per batch";
    return found;
  }
  static bool has(const SpeechAction& a, const std::string& text) { return a.text.find(text) != std::string::npos; }

  Catalog m_catalog;
  std::unique_ptr<Kiosk> m_kiosk;
  SpeechPresenter m_presenter;
  std::vector<SpeechAction> m_first;
  std::int64_t m_now = 0;
};

TEST_F(SpeechFlowTest, FullVerbositySaysRoleAndPositionOnEveryVisit) {
  start(Verbosity::Full);
  (void)focus("home.settings");
  (void)press(Command::Select);
  auto back = spoken(press(Command::Back));   // home again, now known
  EXPECT_TRUE(has(back, "请选择服务"));
  EXPECT_TRUE(has(back, "按钮")) << back.text;
  EXPECT_TRUE(has(back, "项，共")) << back.text;
  auto moved = spoken(press(Command::Down));
  EXPECT_TRUE(has(moved, "按钮")) << moved.text;
  EXPECT_TRUE(has(moved, "项，共")) << moved.text;
}

TEST_F(SpeechFlowTest, BriefIsShorterOnceTheResidentKnowsTheScreen) {
  start(Verbosity::Brief);
  // First time on home: everything, also in Brief.
  auto first = spoken(focus("home.language"));
  EXPECT_TRUE(has(first, "语言"));
  EXPECT_TRUE(has(first, "按钮")) << first.text;
  EXPECT_TRUE(has(first, "项，共")) << first.text;
  EXPECT_TRUE(has(first, "选择中文或英文")) << first.text;
  (void)focus("home.settings");
  (void)press(Command::Select);
  auto back = spoken(press(Command::Back));
  EXPECT_TRUE(has(back, "请选择服务"));
  EXPECT_FALSE(has(back, "用上下键选择")) << "the prompt of a known screen: " << back.text;
  auto known = spoken(focus("home.language"));
  EXPECT_TRUE(has(known, "语言"));
  EXPECT_FALSE(has(known, "按钮")) << known.text;
  EXPECT_FALSE(has(known, "项，共")) << known.text;
  EXPECT_FALSE(has(known, "选择中文或英文")) << known.text;
  EXPECT_LT(known.text.size(), first.text.size());
  // The hint Brief leaves out is one Help press away, and Where still gives the position.
  EXPECT_TRUE(has(spoken(press(Command::Help)), "选择中文或英文"));
  EXPECT_TRUE(has(spoken(press(Command::Where)), "项，共"));
  // A new session forgets what was known.
  m_now += 300'000;
  (void)m_presenter.present(m_kiosk->tick(m_now), *m_kiosk);
  (void)m_presenter.present(m_kiosk->tick(m_now + 50'000), *m_kiosk);
  ASSERT_EQ(m_kiosk->tree().screen_id, "attract");
  (void)m_presenter.present(m_kiosk->command(Command::Select, InputSource::Key, m_now + 60'000), *m_kiosk);
  m_now += 60'000;
  auto fresh = spoken(focus("home.language"));
  EXPECT_TRUE(has(fresh, "按钮")) << fresh.text;
}

TEST_F(SpeechFlowTest, RateChangeIsSaidAtTheNewRateThenTheItemAgain) {
  start();
  (void)focus("home.settings");
  auto faster = spoken(press(Command::RateUp));
  EXPECT_EQ(faster.rate, 126);
  EXPECT_EQ(faster.text.rfind("语速126%", 0), 0u) << faster.text;
  EXPECT_TRUE(has(faster, "无障碍设置")) << faster.text;
  EXPECT_LT(faster.text.find("语速"), faster.text.find("无障碍设置"));
  auto quieter = spoken(press(Command::VolumeDown));
  EXPECT_EQ(quieter.volume, 5);
  EXPECT_EQ(quieter.rate, 126);
  EXPECT_EQ(quieter.text.rfind("音量5", 0), 0u) << quieter.text;
  EXPECT_TRUE(has(quieter, "无障碍设置")) << quieter.text;
}

TEST_F(SpeechFlowTest, RateHasSevenStepsAndVolumeElevenLevelsBothClamped) {
  start();
  for (int i = 0; i < 4; ++i) (void)press(Command::RateDown);
  EXPECT_EQ(m_kiosk->settings().rate, 50);
  std::vector<int> rates{m_kiosk->settings().rate};
  for (int i = 0; i < 8; ++i) {
    auto said = spoken(press(Command::RateUp));
    EXPECT_EQ(said.rate, m_kiosk->settings().rate);
    if (rates.back() != m_kiosk->settings().rate) rates.push_back(m_kiosk->settings().rate);
  }
  EXPECT_EQ(rates, (std::vector<int>{50, 63, 79, 100, 126, 159, 200}));
  // One more at the top: still 200, and the resident is told so.
  EXPECT_TRUE(has(spoken(press(Command::RateUp)), "语速已经是最快"));
  EXPECT_EQ(m_kiosk->settings().rate, 200);
  std::vector<int> volumes;
  for (int i = 0; i < 12; ++i) volumes.push_back(spoken(press(Command::VolumeDown)).volume);
  EXPECT_EQ(volumes.back(), 0);
  EXPECT_EQ(volumes[5], 0);
  EXPECT_EQ(volumes[4], 1);
  for (int i = 0; i < 12; ++i) volumes.push_back(spoken(press(Command::VolumeUp)).volume);
  EXPECT_EQ(volumes.back(), 10);
  EXPECT_EQ(*std::max_element(volumes.begin(), volumes.end()), 10);
  EXPECT_EQ(*std::min_element(volumes.begin(), volumes.end()), 0);
}

TEST_F(SpeechFlowTest, RateAndVolumeResetWhenTheSessionEndsAndTheEndIsNotAnnounced) {
  start();
  (void)press(Command::RateUp);
  (void)press(Command::VolumeUp);
  std::vector<SpeechAction> end;
  for (std::int64_t t = m_now; t <= m_now + 240'000; t += 1000)
    for (auto& a : m_presenter.present(m_kiosk->tick(t), *m_kiosk)) end.push_back(a);
  ASSERT_EQ(m_kiosk->tree().screen_id, "attract");
  for (const auto& a : end) {
    EXPECT_EQ(a.text.find("语速"), std::string::npos) << a.text;
    EXPECT_EQ(a.text.find("音量"), std::string::npos) << a.text;
  }
  auto next = spoken(m_presenter.present(m_kiosk->command(Command::Select, InputSource::Key, m_now + 300'000), *m_kiosk));
  EXPECT_EQ(next.rate, 100);
  EXPECT_EQ(next.volume, 6);
}

TEST_F(SpeechFlowTest, PauseKeyPausesInsteadOfStopping) {
  start();
  auto paused = press(Command::Pause);
  ASSERT_EQ(paused.size(), 1u);
  EXPECT_EQ(paused[0].kind, SpeechActionKind::PauseToggle);
  auto resumed = press(Command::Pause);
  ASSERT_EQ(resumed.size(), 1u);
  EXPECT_EQ(resumed[0].kind, SpeechActionKind::PauseToggle);
  // Any other key cancels the pause: it stops first, as every key does.
  auto other = press(Command::Down);
  ASSERT_FALSE(other.empty());
  EXPECT_EQ(other[0].kind, SpeechActionKind::Stop);
}

TEST_F(SpeechFlowTest, WhereSaysScreenAndItemPosition) {
  start();
  (void)focus("home.language");
  auto where = spoken(press(Command::Where));
  const int index = m_kiosk->focus().index() + 1;
  const int count = m_kiosk->focus().count();
  EXPECT_EQ(where.text, "您在：请选择服务，第" + std::to_string(index) + "项，共" + std::to_string(count) + "项");
}

TEST_F(SpeechFlowTest, HelpIsTheItemFirstThenTheKeys) {
  start();
  (void)focus("home.language");
  auto item = spoken(press(Command::Help));
  EXPECT_EQ(item.text, "选择中文或英文");
  EXPECT_EQ(m_kiosk->tree().screen_id, "home");
  auto keys = spoken(press(Command::Help));
  EXPECT_EQ(m_kiosk->tree().screen_id, "help");
  EXPECT_EQ(keys.text.rfind("按键说明", 0), 0u) << keys.text;
}

TEST_F(SpeechFlowTest, AlertsAreSpokenInBriefToo) {
  start(Verbosity::Brief);
  auto alert = spoken(m_presenter.present({Alert{"no_such_item", Message::text("没有第9项"), Privacy::Public}}, *m_kiosk));
  EXPECT_EQ(alert.text, "没有第9项");
}

TEST_F(SpeechFlowTest, TimeoutWarningIsSpokenOnceEvenWithSpeechOff) {
  start(Verbosity::Full, InputSource::Touch);
  ASSERT_FALSE(m_kiosk->settings().speech);
  std::vector<SpeechAction> warning;
  for (std::int64_t t = 1000; t <= 181'000 && warning.empty(); t += 1000) {
    auto actions = m_presenter.present(m_kiosk->tick(t), *m_kiosk);
    for (const auto& a : actions)
      if (a.kind == SpeechActionKind::Speak || a.kind == SpeechActionKind::Caption) warning = actions;
  }
  auto said = spoken(warning);
  EXPECT_TRUE(has(said, "按任意键继续。45秒后结束。")) << said.text;
  EXPECT_EQ(said.text.find("按任意键继续"), said.text.rfind("按任意键继续")) << "said twice: " << said.text;
  EXPECT_EQ(said.caption_text, said.text);
}

TEST_F(SpeechFlowTest, CaptionsStayOnWithSpeechOff) {
  start(Verbosity::Full, InputSource::Touch);
  ASSERT_FALSE(m_kiosk->settings().speech);
  ASSERT_EQ(m_first.back().kind, SpeechActionKind::Caption);
  EXPECT_TRUE(m_first.back().text.empty());
  EXPECT_EQ(m_first.back().caption_text.rfind("请选择服务", 0), 0u) << m_first.back().caption_text;
  auto touched = m_presenter.present(m_kiosk->touch("home.settings", TouchKind::Hold, 1000), *m_kiosk);
  for (const auto& a : touched) EXPECT_NE(a.kind, SpeechActionKind::Speak);
  ASSERT_FALSE(touched.empty());
  EXPECT_EQ(touched.back().kind, SpeechActionKind::Caption);
  EXPECT_NE(touched.back().caption_text.find("无障碍设置"), std::string::npos) << touched.back().caption_text;
}

TEST_F(SpeechFlowTest, AChoiceOrCheckboxChangedInPlaceSaysItsNewValue) {
  start();
  (void)focus("home.settings");
  (void)press(Command::Select);
  (void)focus("settings.zoom");
  auto bigger = spoken(press(Command::Right));
  EXPECT_TRUE(has(bigger, "120%")) << bigger.text;
  (void)focus("settings.verbosity");
  auto brief = spoken(press(Command::Right));
  EXPECT_EQ(m_kiosk->settings().verbosity, Verbosity::Brief);
  EXPECT_TRUE(has(brief, "[settings.verbosity.brief]")) << brief.text;
  (void)focus("settings.speaker_consent");
  auto consent = spoken(press(Command::Select));
  EXPECT_TRUE(has(consent, "[speech.state.selected]")) << consent.text;
  // Nothing changed, nothing said beyond the stop.
  for (const auto& a : press(Command::Left)) EXPECT_NE(a.kind, SpeechActionKind::Speak);
}

TEST_F(SpeechFlowTest, PersonalContentOnSpeakerOnlyAfterConsent) {
  start();
  const Alert personal{"result", Message::text("请拨打13800138000"), Privacy::Personal};
  auto before = spoken(m_presenter.present({personal}, *m_kiosk));
  EXPECT_EQ(before.text, "内容已隐藏，请使用耳机");
  EXPECT_EQ(before.caption_text, "请拨打13800138000");   // the screen shows it
  (void)focus("home.settings");
  (void)press(Command::Select);
  (void)focus("settings.speaker_consent");
  (void)press(Command::Select);
  ASSERT_TRUE(m_kiosk->speaker_consent());
  auto after = spoken(m_presenter.present({personal}, *m_kiosk));
  EXPECT_EQ(after.route, SpeechRoute::Speaker);
  EXPECT_EQ(after.text, "请拨打13800138000");
  EXPECT_TRUE(after.is_private);
}

// A service with one ID-number field holding a typed number.
class IdFieldService final : public Service {
 public:
  IdFieldService() { for (char c : std::string("14108119800101")) m_field.apply(FieldInput{FieldKey::Char, c, 0}); }
  std::string id() const override { return "idf"; }
  Message menu_name() const override { return Message::text("idf"); }
  Message menu_hint() const override { return {}; }
  void start() override {}
  Tree build(const ServiceContext&) const override {
    Tree tree{"idf", Message::text("idf"), {}, {}};
    tree.nodes.push_back(m_field.node("idf.number", Message::text("身份证号码"), {}));
    return tree;
  }
  ServiceOutcome activate(const std::string&, const ServiceContext&) override { return {}; }
  ServiceOutcome back() override { return ServiceOutcome::of(ServiceOutcome::Kind::Leave); }
  void reset() override {}

 private:
  TextField m_field{FieldKind::IdNumber, 18};
};

// S7: the digits of an ID number reach the headset; the loudspeaker hears how many.
TEST(SpeechFieldEcho, AnIdNumberIsCountedOnTheSpeakerAndReadOnTheHeadset) {
  Catalog catalog;
  catalog.add("zh-CN", "speech.hidden", {"内容已隐藏，请使用耳机", ""});
  catalog.add("zh-CN", "speech.field_count", {"已输入{n}位", ""});
  Kiosk kiosk(KioskOptions{}, catalog);
  kiosk.add_service(std::make_unique<IdFieldService>());
  SpeechPresenter presenter;
  (void)presenter.present(kiosk.start(0), kiosk);
  (void)presenter.present(kiosk.command(Command::Select, InputSource::Key, 0), kiosk);   // home, speech on
  (void)presenter.present(kiosk.focus_node("home.idf", 0), kiosk);
  (void)presenter.present(kiosk.command(Command::Select, InputSource::Key, 0), kiosk);
  ASSERT_EQ(kiosk.focus().current(), "idf.number");
  auto said = [&](const Effects& effects) {
    std::string text;
    for (const auto& a : presenter.present(effects, kiosk))
      if (a.kind == SpeechActionKind::Speak) text += a.text;
    return text;
  };
  const std::string speaker = said(kiosk.command(Command::Repeat, InputSource::Key, 1));
  EXPECT_NE(speaker.find("已输入14位"), std::string::npos) << speaker;
  EXPECT_EQ(speaker.find("141081"), std::string::npos) << speaker;
  EXPECT_EQ(speaker.find("内容已隐藏"), std::string::npos) << speaker;
  (void)said(kiosk.headphones(true, 2));
  const std::string headset = said(kiosk.focus_node("idf.number", 3));
  EXPECT_NE(headset.find("14108119800101"), std::string::npos) << headset;
}

}  // namespace
}  // namespace kiosk::core::speech
