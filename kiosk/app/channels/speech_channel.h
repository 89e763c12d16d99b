// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The speech channel: runs core::speech::SpeechPresenter on every effect batch, speaks
// its utterances through the first speech driver of config.speech_drivers that opens
// (eSpeak NG, else the null driver), plays earcons on the audio output, and writes one
// `speech` and one `caption` event per utterance to the transcript (docs/design.md section 5),
// also when there is no audio device. Captions are always on: with speech off the
// presenter's prompts still become `caption` events and the footer's caption line. Construct, call and destroy on the main thread
// (the audio output initialises SDL audio).
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/app/channels/channel.h"
#include "kiosk/core/present/speech/speech_presenter.h"

namespace kiosk::drivers::audio {
class SdlAudioOutput;
}
namespace kiosk::drivers::speech {
class SpeechDriver;
class ReadingLoader;
}

namespace kiosk::app {

class SpeechChannel final : public Channel {
 public:
  // `reading` loads the word list and <config_dir>/speech/lexicon.toml off the main
  // thread (a missing or broken file is logged and speech goes on without it); the first
  // utterance waits for it once. Every Han character is sent as its pinyin (issue 13).
  SpeechChannel(const Config& config, std::shared_ptr<drivers::speech::ReadingLoader> reading);
  ~SpeechChannel() override;
  SpeechChannel(const SpeechChannel&) = delete;
  SpeechChannel& operator=(const SpeechChannel&) = delete;

  void present(const core::Effects& effects, ChannelContext& context) override;
  void poll(ChannelContext& context) override;
  // The last caption ("" under the privacy curtain or before anything was presented).
  std::string caption() const override { return m_caption; }

 private:
  void speak(const core::speech::SpeechAction& action, ChannelContext& context);
  void wait_for_announce();

  core::speech::SpeechPresenter m_presenter;
  std::shared_ptr<drivers::speech::ReadingLoader> m_reading;
  std::unique_ptr<drivers::audio::SdlAudioOutput> m_audio;      // outlives m_driver
  std::unique_ptr<drivers::speech::SpeechDriver> m_driver;
  std::uint64_t m_next_id = 1;
  std::string m_caption;
  int m_volume = -1;
  std::uint64_t m_announce_id = 0;   // the --announce utterance, heard out before exit
  std::map<int, std::vector<std::int16_t>> m_earcons;   // by EarconKind   // the level last given to the audio output (-1 = none yet)
};

}  // namespace kiosk::app
