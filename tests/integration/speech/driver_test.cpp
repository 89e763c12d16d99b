// SPDX-License-Identifier: GPL-3.0-or-later
// The eSpeak NG driver against memory sinks: interruption, rate steps, pause/resume,
// the capture and null drivers.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

#include "drivers/audio/memory_sinks.h"
#include "drivers/audio/sdl_audio_output.h"
#include "kiosk/core/present/speech/speech_presenter.h"
#include "drivers/speech/espeak/espeak_driver.h"
#include "speech_test_support.h"

namespace {

using namespace kiosk::drivers;
using speech::SpeechEventKind;
using speech_test::EventLog;
using speech_test::utterance;
using speech_test::wait_until;

std::string long_text(int repeats) {
  std::string t;
  for (int i = 0; i < repeats; ++i) t += "残疾人两项补贴查询，请输入您的身份证号码。";
  return t;
}

TEST(SpeechDriverEspeak, StopSilencesAtOnceAndTheNextUtterancePlays) {
  audio::CaptureSink sink;
  std::atomic<int> phase{0};  // 0 speaking, 1 stopped, 2 next utterance
  std::atomic<std::uint64_t> stale{0};
  std::atomic<std::uint64_t> next_frames{0};
  sink.on_write = [&](std::span<const std::int16_t> pcm) {
    if (phase == 1) stale += pcm.size();
    if (phase == 2) next_frames += pcm.size();
  };
  auto opened = speech::EspeakDriver::open(sink);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  speech::EspeakDriver& driver = *opened.value();
  EventLog log;

  driver.speak(utterance(1, long_text(60)));  // about 5 minutes of speech
  ASSERT_TRUE(wait_until([&] { return sink.speech_frames_written() > 0; }));
  driver.stop();
  phase = 1;
  const std::uint64_t at_stop = sink.speech_frames_written();
  EXPECT_FALSE(driver.is_speaking());
  ASSERT_TRUE(log.wait_for(driver, SpeechEventKind::Stopped, 1));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // let the worker notice
  phase = 2;
  driver.speak(utterance(2, "你好"));
  ASSERT_TRUE(log.wait_for(driver, SpeechEventKind::Finished, 2));

  EXPECT_EQ(stale.load(), 0u) << "PCM reached the sink after stop()";
  EXPECT_GT(next_frames.load(), 0u);
  EXPECT_LT(at_stop, 60u * 5u * 22050u / 4u) << "the long utterance was not cut";
  EXPECT_TRUE(log.has(SpeechEventKind::Started, 1));
  EXPECT_FALSE(log.has(SpeechEventKind::Finished, 1));
  EXPECT_TRUE(log.has(SpeechEventKind::Started, 2));
}

TEST(SpeechDriverEspeak, SpeakInterruptsWithoutQueueing) {
  audio::CaptureSink sink;
  auto opened = speech::EspeakDriver::open(sink);
  ASSERT_TRUE(opened.ok());
  speech::EspeakDriver& driver = *opened.value();
  EventLog log;
  driver.speak(utterance(1, long_text(60)));
  ASSERT_TRUE(wait_until([&] { return sink.speech_frames_written() > 0; }));
  driver.speak(utterance(2, "请重新输入"));
  ASSERT_TRUE(log.wait_for(driver, SpeechEventKind::Finished, 2));
  EXPECT_TRUE(log.has(SpeechEventKind::Stopped, 1));
  EXPECT_FALSE(log.has(SpeechEventKind::Finished, 1));
  EXPECT_GE(sink.clear_count(), 2);
}

// The whole key path: a key press through the core and the presenter cuts a long
// utterance on a real device queue; the new item is spoken, the long one never finishes.
TEST(SpeechDriverEspeak, AKeyDuringALongUtteranceStopsItsAudio) {
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  audio::SdlAudioOutput out;
  ASSERT_TRUE(out.has_device()) << out.error();
  auto opened = speech::EspeakDriver::open(out);
  ASSERT_TRUE(opened.ok());
  speech::EspeakDriver& driver = *opened.value();
  EventLog log;
  kiosk::core::Catalog catalog;
  kiosk::core::Kiosk kiosk(kiosk::core::KioskOptions{}, catalog);
  kiosk::core::speech::SpeechPresenter presenter;
  std::uint64_t next_id = 1;
  std::uint64_t stops_before_speak = 0;
  auto present = [&](const kiosk::core::Effects& effects) {
    for (const auto& action : presenter.present(effects, kiosk)) {
      if (action.kind == kiosk::core::speech::SpeechActionKind::Stop) {
        driver.stop();
        ++stops_before_speak;
        // Silent at once: nothing of what was playing is left in the device queue.
        EXPECT_EQ(out.speech_frames_queued(), 0u);
      }
      if (action.kind == kiosk::core::speech::SpeechActionKind::Speak) {
        driver.speak(utterance(next_id++, action.text));
      }
    }
  };
  present(kiosk.start(0));
  present(kiosk.command(kiosk::core::Command::Select, kiosk::core::InputSource::Key, 0));
  present({kiosk::core::Alert{"long", kiosk::core::Message::text(long_text(20)), kiosk::core::Privacy::Public}});
  const std::uint64_t long_id = next_id - 1;
  ASSERT_TRUE(wait_until([&] { return out.speech_frames_queued() > 22050; }));  // a second queued
  stops_before_speak = 0;
  present(kiosk.command(kiosk::core::Command::Down, kiosk::core::InputSource::Key, 1000));
  EXPECT_EQ(stops_before_speak, 1u);
  const std::uint64_t item_id = next_id - 1;
  ASSERT_GT(item_id, long_id);
  ASSERT_TRUE(log.wait_for(driver, SpeechEventKind::Finished, item_id));
  EXPECT_TRUE(log.has(SpeechEventKind::Stopped, long_id));
  EXPECT_FALSE(log.has(SpeechEventKind::Finished, long_id));
  EXPECT_TRUE(log.has(SpeechEventKind::Started, item_id));
}

std::uint64_t frames_at_rate(speech::EspeakDriver& driver, audio::CaptureSink& sink, int rate,
                             std::uint64_t id) {
  EventLog log;
  sink.reset();
  const std::uint64_t before = sink.speech_frames_written();
  driver.speak(utterance(id, "残疾人两项补贴查询，请输入您的身份证号码。", rate));
  EXPECT_TRUE(log.wait_for(driver, SpeechEventKind::Finished, id));
  return sink.speech_frames_written() - before;
}

TEST(SpeechDriverEspeak, RateStepsChangeDurationByTheirRatio) {
  audio::CaptureSink sink;
  auto opened = speech::EspeakDriver::open(sink);
  ASSERT_TRUE(opened.ok());
  const std::uint64_t base = frames_at_rate(*opened.value(), sink, 100, 100);
  ASSERT_GT(base, 0u);
  const int percents[] = {50, 63, 79, 126, 159, 200};
  const int wpm[] = {88, 110, 139, 220, 278, 350};
  for (std::size_t i = 0; i < 6; ++i) {
    const double got = static_cast<double>(frames_at_rate(*opened.value(), sink, percents[i],
                                                          static_cast<std::uint64_t>(i + 1))) /
                       static_cast<double>(base);
    const double want = 175.0 / wpm[i];
    EXPECT_NEAR(got / want, 1.0, 0.15) << percents[i] << " %: ratio " << got << " want " << want;
  }
}

TEST(SpeechDriverEspeak, EnglishAndChineseRunsBothProduceSound) {
  audio::CaptureSink sink;
  auto opened = speech::EspeakDriver::open(sink);
  ASSERT_TRUE(opened.ok());
  EventLog log;
  opened.value()->speak(utterance(7, "请按Enter键确认"));
  ASSERT_TRUE(log.wait_for(*opened.value(), SpeechEventKind::Finished, 7));
  // Over half a second of sound for 7 syllables and an English word.
  EXPECT_GT(sink.speech_frames_written(), 22050u / 2);
}

TEST(SpeechDriverEspeak, OnlyOneInstanceAtATime) {
  audio::NullSink sink;
  auto first = speech::EspeakDriver::open(sink);
  ASSERT_TRUE(first.ok());
  auto second = speech::EspeakDriver::open(sink);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, "espeak_busy");
}

TEST(SpeechDriverEspeak, SentencesSplitAtSentenceEnds) {
  const auto chunks = speech::split_sentences(
      {{"cmn-latn-pinyin", "第一句。第二句"}, {"en-us", "ATM. Done"}, {"cmn-latn-pinyin", "三点五。"}});
  ASSERT_EQ(chunks.size(), 5u);
  EXPECT_EQ(chunks[0].first.text, "第一句。");
  EXPECT_EQ(chunks[0].second, 0u);
  EXPECT_EQ(chunks[1].second, 1u);
  EXPECT_EQ(chunks[2].first.text, "ATM.");
  EXPECT_EQ(chunks[2].second, 1u);
  EXPECT_EQ(chunks[3].second, 2u);
  EXPECT_EQ(chunks[4].second, 2u);
}

TEST(SpeechDriverCapture, RecordsUtterancesAndReportsThemDone) {
  auto opened = speech::open_speech_driver("capture", *std::make_unique<audio::NullSink>());
  ASSERT_TRUE(opened.ok());
  auto& d = static_cast<speech::CaptureSpeechDriver&>(*opened.value());
  d.speak(utterance(3, "你好"));
  d.stop();
  ASSERT_EQ(d.utterances().size(), 1u);
  EXPECT_EQ(d.utterances()[0].runs[0].text, "你好");
  EXPECT_EQ(d.stop_count(), 1);
  const auto events = d.drain_events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].kind, SpeechEventKind::Finished);
  EXPECT_TRUE(d.drain_events().empty());
}

TEST(SpeechDriverTable, UnknownCodeFailsAndNullWorks) {
  audio::NullSink sink;
  EXPECT_FALSE(speech::open_speech_driver("festival", sink).ok());
  auto null = speech::open_first_speech_driver({"festival", "null"}, sink);
  ASSERT_TRUE(null.ok());
  EXPECT_EQ(null.value()->code(), "null");
  int wakeups = 0;
  null.value()->set_wakeup([&] { ++wakeups; });
  null.value()->speak(utterance(5, "x"));
  EXPECT_EQ(wakeups, 1);
}

}  // namespace
