// SpeechPresenter against a real core::Kiosk: Interrupt before speech, the privacy
// rules (S6/S7) and the announce route.
#include <gtest/gtest.h>

#include "kiosk/core/speech/speech_presenter.h"

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
  // Other alerts stay silent while speech is off.
  EXPECT_TRUE(presenter.present({Alert{"x", Message::text("hello"), Privacy::Public}}, fresh).empty());
}

TEST_F(SpeechPresenterTest, RepeatSaysTheLastPromptAgain) {
  auto first = m_presenter.present(m_kiosk->command(Command::Down, InputSource::Key, 10), *m_kiosk);
  auto again = m_presenter.present({SpeechRequest{SpeechControl::Interrupt}, SpeechRequest{SpeechControl::Repeat}}, *m_kiosk);
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[0].kind, SpeechActionKind::Stop);
  EXPECT_EQ(again[1].text, first.back().text);
}

}  // namespace
}  // namespace kiosk::core::speech
