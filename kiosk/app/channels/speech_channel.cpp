#include "kiosk/app/channels/speech_channel.h"

#include <cstdio>

#include "drivers/audio/earcons.h"
#include "drivers/audio/sdl_audio_output.h"
#include "drivers/speech/lexicon_loader.h"
#include "drivers/speech/speech_driver.h"
#include "kiosk/core/speech/normaliser.h"

namespace kiosk::app {

SpeechChannel::SpeechChannel(const Config& config)
    : m_audio(std::make_unique<drivers::audio::SdlAudioOutput>()) {
  const auto lexicon_file = config.config_dir / "speech" / "lexicon.toml";
  if (auto entries = drivers::speech::load_lexicon_file(lexicon_file.string())) {
    m_lexicon = core::speech::Lexicon(std::move(entries.value()));
  } else {
    std::fprintf(stderr, "kiosk: speech lexicon not loaded: %s\n", entries.error().message.c_str());
  }
  if (auto driver = drivers::speech::open_first_speech_driver(config.speech_drivers, *m_audio)) {
    m_driver = std::move(driver.value());
  } else {
    std::fprintf(stderr, "kiosk: no speech driver opened (%s); speech is silent\n", driver.error().message.c_str());
    m_driver = std::make_unique<drivers::speech::NullSpeechDriver>();
  }
}

SpeechChannel::~SpeechChannel() {
  // The driver's worker writes into the audio output: stop and drop it first.
  if (m_driver) m_driver->stop();
  m_driver.reset();
  m_audio.reset();
}

void SpeechChannel::present(const core::Effects& effects, ChannelContext& context) {
  if (context.kiosk.settings().curtain) m_caption.clear();   // captions hide under the curtain
  for (const auto& action : m_presenter.present(effects, context.kiosk)) {
    switch (action.kind) {
      case core::speech::SpeechActionKind::Stop:
        m_driver->stop();
        break;
      case core::speech::SpeechActionKind::PauseToggle:
        if (m_driver->is_paused()) m_driver->resume();
        else m_driver->pause();
        break;
      case core::speech::SpeechActionKind::Earcon:
        if (auto kind = drivers::audio::earcon_from_name(action.text))
          m_audio->play_earcon(drivers::audio::synthesize_earcon(*kind));
        break;
      case core::speech::SpeechActionKind::Speak:
        speak(action, context);
        break;
    }
  }
}

void SpeechChannel::speak(const core::speech::SpeechAction& action, ChannelContext& context) {
  auto normalised = core::speech::normalise(action.text, core::speech::TextLanguage::Auto, &m_lexicon);
  nlohmann::json runs = nlohmann::json::array();
  for (const auto& run : normalised.runs) runs.push_back({{"voice", run.voice}, {"text", run.text}});
  context.transcript.write({{"type", "speech"},
                            {"text", action.text},
                            {"spoken", normalised.spoken},
                            {"runs", std::move(runs)},
                            {"route", core::speech::route_name(action.route)},
                            {"private", action.is_private}});
  if (action.caption) {
    m_caption = action.caption_text;
    context.transcript.write({{"type", "caption"}, {"text", action.caption_text}});
  } else {
    m_caption.clear();
  }
  drivers::speech::Utterance utterance;
  utterance.id = m_next_id++;
  utterance.runs = std::move(normalised.runs);
  utterance.rate_percent = action.rate;
  utterance.volume = action.volume;
  utterance.route = action.route == core::speech::SpeechRoute::Headset ? drivers::speech::Route::Headset
                                                                        : drivers::speech::Route::Speaker;
  m_driver->set_volume(action.volume);
  if (!utterance.runs.empty()) m_driver->speak(std::move(utterance));
}

void SpeechChannel::poll(ChannelContext& context) {
  (void)context;
  // Progress events are not presented anywhere yet; drain them so they do not pile up.
  (void)m_driver->drain_events();
}

}  // namespace kiosk::app
