#pragma once
// The speech channel: runs core::speech::SpeechPresenter on every effect batch, speaks
// its utterances through the first speech driver of config.speech_drivers that opens
// (eSpeak NG, else the null driver), plays earcons on the audio output, and writes one
// `speech` and one `caption` event per utterance to the transcript (DESIGN.md section 5),
// also when there is no audio device. Construct, call and destroy on the main thread
// (the audio output initialises SDL audio).
#include <cstdint>
#include <memory>
#include <string>

#include "kiosk/app/channel.h"
#include "kiosk/core/speech/lexicon.h"
#include "kiosk/core/speech/speech_presenter.h"

namespace kiosk::drivers::audio {
class SdlAudioOutput;
}
namespace kiosk::drivers::speech {
class SpeechDriver;
}

namespace kiosk::app {

class SpeechChannel final : public Channel {
 public:
  // Loads the lexicon from <config_dir>/speech/lexicon.toml (a missing or broken file
  // is logged and speech goes on without it).
  explicit SpeechChannel(const Config& config);
  ~SpeechChannel() override;
  SpeechChannel(const SpeechChannel&) = delete;
  SpeechChannel& operator=(const SpeechChannel&) = delete;

  void present(const core::Effects& effects, ChannelContext& context) override;
  void poll(ChannelContext& context) override;
  // The last caption ("" under the privacy curtain or before anything was said).
  std::string caption() const override { return m_caption; }

 private:
  void speak(const core::speech::SpeechAction& action, ChannelContext& context);

  core::speech::SpeechPresenter m_presenter;
  core::speech::Lexicon m_lexicon;
  std::unique_ptr<drivers::audio::SdlAudioOutput> m_audio;      // outlives m_driver
  std::unique_ptr<drivers::speech::SpeechDriver> m_driver;
  std::uint64_t m_next_id = 1;
  std::string m_caption;
};

}  // namespace kiosk::app
