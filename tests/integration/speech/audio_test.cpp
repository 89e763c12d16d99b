// SPDX-License-Identifier: GPL-3.0-or-later
// Real SDL audio: a disk capture proving real sound in Chinese and English, the
// dummy device for stop/pause timing, survival without any audio device, earcons.
#include <gtest/gtest.h>

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "drivers/audio/earcons.h"
#include "drivers/audio/memory_sinks.h"
#include "drivers/audio/sdl_audio_output.h"
#include "drivers/speech/espeak/espeak_driver.h"
#include "speech_test_support.h"

namespace {

using namespace kiosk::drivers;
using speech::SpeechEventKind;
using speech_test::EventLog;
using speech_test::utterance;
using speech_test::wait_until;

// Passes everything on and keeps a copy of the speech PCM of the current utterance.
class TeeSink : public audio::ForwardingSink {
 public:
  using ForwardingSink::ForwardingSink;
  void write_speech(std::span<const std::int16_t> pcm) override {
    {
      std::lock_guard lock(m_mutex);
      m_copy.insert(m_copy.end(), pcm.begin(), pcm.end());
    }
    ForwardingSink::write_speech(pcm);
  }
  std::size_t size() {
    std::lock_guard lock(m_mutex);
    return m_copy.size();
  }
  std::vector<std::int16_t> take() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_copy, {});
  }

 private:
  std::mutex m_mutex;
  std::vector<std::int16_t> m_copy;
};

std::filesystem::path temp_file(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("kiosk-speech-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}

// A window from the loud middle of `pcm`, searched anywhere in the capture file
// (the disk driver pads with silence: never compare from byte 0).
bool capture_contains(const std::string& file_bytes, const std::vector<std::int16_t>& pcm) {
  if (pcm.size() < 8000) return false;
  const std::size_t start = pcm.size() / 2 - 2000;
  const char* needle = reinterpret_cast<const char*>(pcm.data() + start);
  const std::size_t len = 4000 * sizeof(std::int16_t);
  return std::search(file_bytes.begin(), file_bytes.end(), needle, needle + len) != file_bytes.end();
}

double rms(const std::vector<std::int16_t>& pcm) {
  double sum = 0;
  for (std::int16_t s : pcm) sum += static_cast<double>(s) * s;
  return pcm.empty() ? 0 : std::sqrt(sum / static_cast<double>(pcm.size()));
}

TEST(SpeechAudioDisk, CaptureHoldsRealChineseAndEnglishSpeech) {
  const auto file = temp_file("disk.raw");
  setenv("SDL_AUDIODRIVER", "disk", 1);
  setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
  setenv("SDL_DISKAUDIODELAY", "0", 1);
  std::vector<std::int16_t> zh;
  std::vector<std::int16_t> en;
  {
    audio::SdlAudioOutput out;
    ASSERT_TRUE(out.has_device()) << out.error();
    EXPECT_LE(out.buffer_frames(), 512);
    TeeSink tee(out);
    auto opened = speech::EspeakDriver::open(tee);
    ASSERT_TRUE(opened.ok());
    EventLog log;
    opened.value()->speak(utterance(1, "残疾人两项补贴查询"));  // volume 10: gain exactly 1
    ASSERT_TRUE(log.wait_for(*opened.value(), SpeechEventKind::Finished, 1));
    zh = tee.take();
    opened.value()->speak(utterance(2, "Welcome to the service hall"));
    ASSERT_TRUE(log.wait_for(*opened.value(), SpeechEventKind::Finished, 2));
    en = tee.take();
  }  // closing the device flushes the file
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove_all(file.parent_path());
  EXPECT_GT(rms(zh), 500.0);
  EXPECT_GT(rms(en), 500.0);
  EXPECT_TRUE(capture_contains(bytes, zh)) << "Chinese PCM not in the capture";
  EXPECT_TRUE(capture_contains(bytes, en)) << "English PCM not in the capture";
}

TEST(SpeechAudioDummy, StopEmptiesTheDeviceQueueAtOnce) {
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  audio::SdlAudioOutput out;
  ASSERT_TRUE(out.has_device()) << out.error();
  auto opened = speech::EspeakDriver::open(out);
  ASSERT_TRUE(opened.ok());
  opened.value()->speak(utterance(1, "残疾人两项补贴查询，请输入您的身份证号码。"));
  ASSERT_TRUE(wait_until([&] { return out.speech_frames_queued() > 22050; }));
  opened.value()->stop();
  EXPECT_EQ(out.speech_frames_queued(), 0u);
  EXPECT_FALSE(opened.value()->is_speaking());
}

TEST(SpeechAudioDummy, PauseThenResumeRestartsTheSentence) {
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  audio::SdlAudioOutput out;
  ASSERT_TRUE(out.has_device());
  TeeSink tee(out);
  auto opened = speech::EspeakDriver::open(tee);
  ASSERT_TRUE(opened.ok());
  speech::EspeakDriver& d = *opened.value();
  EventLog log;
  d.speak(utterance(1, "第一句话。第二句话比较长一点。第三句。"));
  ASSERT_TRUE(log.wait_for(d, SpeechEventKind::Started, 1));
  ASSERT_TRUE(wait_until([&] { return out.speech_frames_played() > 2000; }));
  d.pause();
  EXPECT_TRUE(d.is_paused());
  EXPECT_FALSE(d.is_speaking());
  EXPECT_EQ(out.speech_frames_queued(), 0u);
  const std::size_t full = tee.take().size();
  d.resume();
  EXPECT_FALSE(d.is_paused());
  ASSERT_TRUE(wait_until([&] {
    log.pump(d);
    return log.events.size() >= 3 && !d.is_paused();
  }));
  d.stop();
  // Resumed speech is the interrupted sentence onwards: sound, at most the whole text.
  const std::size_t resumed = tee.take().size();
  EXPECT_GT(resumed, 0u);
  EXPECT_LE(resumed, full);
}

// S3: resume restarts the sentence that was cut, not the utterance: what is heard after
// resume is what the rest of the text alone gives.
TEST(SpeechAudioDummy, ResumeRestartsTheInterruptedSentenceNotTheUtterance) {
  const std::string first = "第一句话。";
  const std::string rest = "第二句话比较长一点，要多说一会儿才结束。第三句。";
  std::size_t first_frames = 0;
  std::size_t rest_frames = 0;
  {
    audio::CaptureSink capture;   // consumes at once: the reference lengths, no waiting
    auto reference = speech::EspeakDriver::open(capture);
    ASSERT_TRUE(reference.ok());
    EventLog log;
    reference.value()->speak(utterance(1, first));
    ASSERT_TRUE(log.wait_for(*reference.value(), SpeechEventKind::Finished, 1));
    first_frames = capture.speech().size();
    capture.reset();
    reference.value()->speak(utterance(2, rest));
    ASSERT_TRUE(log.wait_for(*reference.value(), SpeechEventKind::Finished, 2));
    rest_frames = capture.speech().size();
  }
  ASSERT_GT(first_frames, 4410u);
  ASSERT_GT(rest_frames, 4u * first_frames);

  setenv("SDL_AUDIODRIVER", "dummy", 1);
  audio::SdlAudioOutput out;
  ASSERT_TRUE(out.has_device());
  TeeSink tee(out);
  auto opened = speech::EspeakDriver::open(tee);
  ASSERT_TRUE(opened.ok());
  speech::EspeakDriver& d = *opened.value();
  EventLog log;
  d.speak(utterance(3, first + rest));
  // Pause a fifth of a second into the second sentence.
  ASSERT_TRUE(wait_until([&] { return out.speech_frames_played() > first_frames + 4410; }));
  d.pause();
  ASSERT_TRUE(d.is_paused());
  (void)tee.take();
  d.resume();
  ASSERT_TRUE(wait_until([&] { return tee.size() >= rest_frames * 98 / 100; }));
  d.stop();
  const std::size_t resumed = tee.take().size();
  // The engine's chunking may differ by a few milliseconds; the first sentence is 10x that.
  EXPECT_NEAR(static_cast<double>(resumed), static_cast<double>(rest_frames),
              static_cast<double>(rest_frames) * 0.02)
      << "first sentence " << first_frames << " frames";
}

TEST(SpeechAudioNoDevice, KioskKeepsWorkingWhenTheDeviceCannotOpen) {
  setenv("SDL_AUDIODRIVER", "disk", 1);
  setenv("SDL_DISKAUDIOFILE", "/nonexistent-dir/kiosk/none.raw", 1);
  setenv("SDL_DISKAUDIODELAY", "0", 1);
  audio::SdlAudioOutput out;
  EXPECT_FALSE(out.has_device());
  EXPECT_FALSE(out.error().empty());
  out.play_earcon(audio::synthesize_earcon(audio::EarconKind::Error));
  out.set_volume_level(3);
  auto opened = speech::EspeakDriver::open(out);
  ASSERT_TRUE(opened.ok());
  EventLog log;
  opened.value()->speak(utterance(1, "没有声卡也要继续"));
  ASSERT_TRUE(log.wait_for(*opened.value(), SpeechEventKind::Finished, 1));
  EXPECT_GT(out.speech_frames_written(), 0u);
  EXPECT_EQ(out.speech_frames_queued(), 0u);
}

TEST(SpeechAudioNoDevice, UnknownSdlAudioDriverIsSurvived) {
  setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
  audio::SdlAudioOutput out;
  EXPECT_FALSE(out.has_device());
  out.write_speech(std::vector<std::int16_t>(100, 1));
  EXPECT_EQ(out.speech_frames_played(), 100u);
}

int dominant_hz(const std::vector<std::int16_t>& pcm) {
  int crossings = 0;
  for (std::size_t i = 1; i < pcm.size(); ++i) {
    if ((pcm[i - 1] < 0) != (pcm[i] < 0)) ++crossings;
  }
  return static_cast<int>(crossings / 2.0 / (static_cast<double>(pcm.size()) / audio::kSampleRate));
}

TEST(SpeechEarcons, ShortDistinctAndInTheSpeechBand) {
  const char* names[] = {"focus", "activate", "wrap", "screen", "error", "timeout_warning"};
  std::vector<std::vector<std::int16_t>> all;
  for (const char* name : names) {
    const auto kind = audio::earcon_from_name(name);
    ASSERT_TRUE(kind.has_value()) << name;
    EXPECT_EQ(audio::earcon_name(*kind), name);
    const auto pcm = audio::synthesize_earcon(*kind);
    EXPECT_GT(pcm.size(), 0u) << name;
    EXPECT_LE(pcm.size(), static_cast<std::size_t>(audio::kSampleRate * 3 / 10)) << name;
    EXPECT_GT(rms(pcm), 300.0) << name;
    EXPECT_LE(*std::max_element(pcm.begin(), pcm.end()), 32767 / 2) << name;
    all.push_back(pcm);
  }
  EXPECT_FALSE(audio::earcon_from_name("approved").has_value());
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = i + 1; j < all.size(); ++j) EXPECT_NE(all[i], all[j]);
  }
  const int focus = dominant_hz(audio::synthesize_earcon(audio::EarconKind::Focus));
  EXPECT_GE(focus, 500);
  EXPECT_LE(focus, 2000);
}

}  // namespace
