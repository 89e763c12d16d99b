// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/speech/speech_driver.h"

#include <cstdio>
#include <cstdlib>

#include "drivers/speech/espeak/espeak_driver.h"

namespace kiosk::drivers::speech {

std::string_view route_name(Route route) {
  return route == Route::Headset ? "headset" : "speaker";
}

void SpeechDriver::set_wakeup(std::function<void()> wakeup) {
  std::lock_guard lock(m_events_mutex);
  m_wakeup = std::move(wakeup);
}

std::vector<SpeechEvent> SpeechDriver::drain_events() {
  std::lock_guard lock(m_events_mutex);
  std::vector<SpeechEvent> out(std::make_move_iterator(m_events.begin()),
                               std::make_move_iterator(m_events.end()));
  m_events.clear();
  return out;
}

void SpeechDriver::post_event(SpeechEvent event) {
  std::function<void()> wakeup;
  {
    std::lock_guard lock(m_events_mutex);
    m_events.push_back(std::move(event));
    wakeup = m_wakeup;
  }
  if (wakeup) wakeup();
}

void CaptureSpeechDriver::speak(Utterance utterance) {
  m_paused = false;
  const std::uint64_t id = utterance.id;
  m_utterances.push_back(std::move(utterance));
  post_event({SpeechEventKind::Started, id, {}});
  post_event({SpeechEventKind::Finished, id, {}});
}

void CaptureSpeechDriver::stop() {
  m_paused = false;
  ++m_stops;
}

void NullSpeechDriver::speak(Utterance utterance) {
  post_event({SpeechEventKind::Finished, utterance.id, {}});
}

const std::vector<SpeechDriverInfo>& speech_driver_table() {
  static const std::vector<SpeechDriverInfo> table = {
      {"espeak-ng", "eSpeak NG in process (cmn-latn-pinyin, en-us) into the audio sink"},
      {"capture", "records utterances in memory (tests, dry runs)"},
      {"null", "silent; reports every utterance finished"},
  };
  return table;
}

SpeechResult<std::unique_ptr<SpeechDriver>> open_speech_driver(std::string_view code,
                                                               audio::AudioSink& sink, EngineStart start) {
  if (code == "espeak-ng") {
    auto opened = EspeakDriver::open(sink, start);
    if (!opened) return opened.error();
    return std::unique_ptr<SpeechDriver>(std::move(opened.value()));
  }
  if (code == "capture") return std::unique_ptr<SpeechDriver>(new CaptureSpeechDriver());
  if (code == "null") return std::unique_ptr<SpeechDriver>(new NullSpeechDriver());
  return SpeechError{"unknown_speech_driver", "unknown speech driver: " + std::string(code)};
}

SpeechResult<std::unique_ptr<SpeechDriver>> open_first_speech_driver(
    const std::vector<std::string>& codes, audio::AudioSink& sink, EngineStart start) {
  std::vector<std::string> order = codes;
  if (const char* env = std::getenv("KIOSK_SPEECH_DRIVER"); env != nullptr && *env != '\0') {
    order = {env};
  }
  std::string errors;
  for (const std::string& code : order) {
    auto opened = open_speech_driver(code, sink, start);
    if (opened) {
      std::fprintf(stderr, "kiosk: speech: using driver %s\n", code.c_str());
      return opened;
    }
    errors += (errors.empty() ? "" : "; ") + code + ": " + opened.error().message;
  }
  return SpeechError{"no_speech_driver", errors.empty() ? "no speech driver listed" : errors};
}

}  // namespace kiosk::drivers::speech
