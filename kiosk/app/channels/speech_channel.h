// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The speech channel, everything the kiosk says and sounds: runs the speech, caption and
// earcon presenters (core/present/) on every effect batch, speaks the utterances through
// the first speech driver of config.speech_drivers that opens (eSpeak NG, else the null
// driver), plays the earcons on the same audio output, and writes one `speech` and one
// `caption` event per utterance to the transcript (docs/design.md section 5), also when
// there is no audio device. Captions are always on: with speech off the presenter's
// prompts still become `caption` events and the footer's caption line. Construct, call and
// destroy on the main thread (the audio output initialises SDL audio).
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/app/channels/channel.h"
#include "kiosk/core/present/captions/caption_presenter.h"
#include "kiosk/core/present/earcons/earcon_presenter.h"
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
  std::string caption() const override { return m_captions.line(); }

 private:
  void speak(const core::speech::SpeechAction& action, ChannelContext& context);
  void play_earcon(const std::string& name);
  void wait_for_announce();

  core::speech::SpeechPresenter m_presenter;
  core::captions::CaptionPresenter m_captions;
  core::earcons::EarconPresenter m_earcons;
  std::shared_ptr<drivers::speech::ReadingLoader> m_reading;
  std::unique_ptr<drivers::audio::SdlAudioOutput> m_audio;      // outlives m_driver
  std::unique_ptr<drivers::speech::SpeechDriver> m_driver;
  std::uint64_t m_next_id = 1;
  int m_volume = -1;                 // the level last given to the audio output (-1 = none yet)
  std::uint64_t m_announce_id = 0;   // the --announce utterance, heard out before exit
  std::map<int, std::vector<std::int16_t>> m_earcon_pcm;   // by EarconKind, synthesized once
};

}  // namespace kiosk::app
