// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/channels/speech_channel.h"

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <string_view>
#include <thread>

#include "drivers/audio/earcons.h"
#include "drivers/audio/sdl_audio_output.h"
#include "drivers/speech/reading/reading_loader.h"
#include "drivers/speech/speech_driver.h"
#include "kiosk/core/text/normaliser.h"

namespace kiosk::app {

SpeechChannel::SpeechChannel(const Config& config, std::shared_ptr<drivers::speech::ReadingLoader> reading)
    : m_reading(std::move(reading)), m_audio(std::make_unique<drivers::audio::SdlAudioOutput>()) {
  // The engine starts on the driver's worker: the kiosk's start never waits for it, and
  // what is said before it is ready is spoken once it is.
  if (auto driver = drivers::speech::open_first_speech_driver(config.speech_drivers, *m_audio,
                                                              drivers::speech::EngineStart::Background)) {
    m_driver = std::move(driver.value());
  } else {
    std::fprintf(stderr, "kiosk: no speech driver opened (%s); speech is silent\n", driver.error().message.c_str());
    m_driver = std::make_unique<drivers::speech::NullSpeechDriver>();
  }
}

SpeechChannel::~SpeechChannel() {
  wait_for_announce();
  // The driver's worker writes into the audio output: stop and drop it first.
  if (m_driver) m_driver->stop();
  m_driver.reset();
  m_audio.reset();
}

// `kiosk --announce` exits right after presenting: let the text be heard first, wherever
// it can be (a device or SDL's disk writer; SDL's dummy device plays to no one).
void SpeechChannel::wait_for_announce() {
  if (m_announce_id == 0 || !m_driver || !m_audio->has_device()) return;
  const char* sdl_driver = SDL_GetCurrentAudioDriver();
  if (sdl_driver != nullptr && std::string_view(sdl_driver) == "dummy") return;
  const auto guard = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (std::chrono::steady_clock::now() < guard) {
    for (const auto& event : m_driver->drain_events())
      if (event.utterance_id == m_announce_id && event.kind != drivers::speech::SpeechEventKind::Started) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void SpeechChannel::present(const core::Effects& effects, ChannelContext& context) {
  bool announce = false;
  for (const auto& effect : effects)
    if (const auto* alert = std::get_if<core::Alert>(&effect); alert && alert->code == "announce") announce = true;
  const auto& settings = context.kiosk.settings();
  if (settings.volume != m_volume) {
    // Earcons follow the volume too, also when it goes back to the default at session end.
    m_volume = settings.volume;
    m_audio->set_volume_level(m_volume);
    m_driver->set_volume(m_volume);
  }
  const auto actions = m_presenter.present(effects, context.kiosk);
  for (const auto& cue : m_earcons.present(effects, settings)) play_earcon(cue);
  for (const auto& action : actions) {
    switch (action.kind) {
      case core::speech::SpeechActionKind::Stop:
        m_driver->stop();
        break;
      case core::speech::SpeechActionKind::PauseToggle:
        if (m_driver->is_paused()) m_driver->resume();
        else m_driver->pause();
        break;
      case core::speech::SpeechActionKind::Speak:
        speak(action, context);
        if (announce) m_announce_id = m_next_id - 1;
        break;
      case core::speech::SpeechActionKind::Caption:   // shown only: the caption presenter's
        break;
    }
  }
  // After the speech event: a batch has at most one utterance, and it comes last.
  for (const auto& caption : m_captions.present(actions, settings))
    context.transcript.write({{"type", "caption"}, {"text", caption}});
}

void SpeechChannel::play_earcon(const std::string& name) {
  const auto kind = drivers::audio::earcon_from_name(name);
  if (!kind) return;
  // Synthesized once: the focus earcon is on the path of every key.
  auto& pcm = m_earcon_pcm[static_cast<int>(*kind)];
  if (pcm.empty()) pcm = drivers::audio::synthesize_earcon(*kind);
  m_audio->play_earcon(pcm);
}

void SpeechChannel::speak(const core::speech::SpeechAction& action, ChannelContext& context) {
  const auto reader = m_reading->reader();
  auto normalised = core::speech::normalise(action.text, core::speech::TextLanguage::Auto, reader.get());
  nlohmann::json runs = nlohmann::json::array();
  for (const auto& run : normalised.runs) runs.push_back({{"voice", run.voice}, {"text", run.text}});
  // The engine first, the transcript after: a key's speech never waits for a file write.
  drivers::speech::Utterance utterance;
  utterance.id = m_next_id++;
  utterance.runs = std::move(normalised.runs);
  utterance.rate_percent = action.rate;
  utterance.volume = action.volume;
  utterance.route = action.route == core::speech::SpeechRoute::Headset ? drivers::speech::Route::Headset
                                                                        : drivers::speech::Route::Speaker;
  m_driver->set_volume(action.volume);
  if (!utterance.runs.empty()) m_driver->speak(std::move(utterance));
  context.transcript.write({{"type", "speech"},
                            {"text", action.text},
                            {"spoken", normalised.spoken},
                            {"runs", std::move(runs)},
                            {"route", core::speech::route_name(action.route)},
                            {"private", action.is_private}});
}

void SpeechChannel::poll(ChannelContext& context) {
  (void)context;
  // Progress events are not presented anywhere yet; drain them so they do not pile up
  // (noting when the announce has been heard out).
  for (const auto& event : m_driver->drain_events())
    if (event.utterance_id == m_announce_id && event.kind != drivers::speech::SpeechEventKind::Started)
      m_announce_id = 0;
}

}  // namespace kiosk::app
