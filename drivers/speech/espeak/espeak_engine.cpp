// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/speech/espeak/espeak_engine.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

namespace kiosk::drivers::speech::espeak {
namespace {

// All guarded by engine_mutex().
struct EngineState {
  bool initialized = false;
  bool ready = false;
  std::string error;
  std::string voice;
  int rate = -1;
  const ChunkFn* on_chunk = nullptr;
  bool stopped = false;
};

std::mutex& engine_mutex() {
  static std::mutex m;
  return m;
}

EngineState& state() {
  static EngineState s;
  return s;
}

int synth_callback(short* wav, int samples, espeak_EVENT*) {
  EngineState& s = state();
  if (wav == nullptr || samples <= 0 || s.on_chunk == nullptr) return 0;
  const std::span<const std::int16_t> pcm(reinterpret_cast<const std::int16_t*>(wav),
                                          static_cast<std::size_t>(samples));
  if (!(*s.on_chunk)(pcm)) {
    s.stopped = true;
    return 1;  // synchronous mode: the only stop that works (espeak_ng_Cancel does not)
  }
  return 0;
}

std::string status_text(espeak_ng_STATUS status) {
  char buf[512] = {0};
  espeak_ng_GetStatusCodeMessage(status, buf, sizeof(buf));
  return buf;
}

void initialize(EngineState& s) {
  s.initialized = true;
  espeak_ng_InitializePath(nullptr);
  espeak_ng_STATUS st = espeak_ng_Initialize(nullptr);
  if (st != ENS_OK) {
    s.error = "espeak_ng_Initialize: " + status_text(st);
    return;
  }
  // 20 ms chunks: the first chunk (and so the first sample queued) comes sooner.
  st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 20, nullptr);
  if (st != ENS_OK) {
    s.error = "espeak_ng_InitializeOutput: " + status_text(st);
    return;
  }
  espeak_SetSynthCallback(&synth_callback);
  s.ready = true;
}

}  // namespace

EngineLock::EngineLock() : m_lock(engine_mutex()) {
  if (!state().initialized) initialize(state());
}

bool EngineLock::ready() const { return state().ready; }
const std::string& EngineLock::error() const { return state().error; }
const std::string& EngineLock::current_voice() const { return state().voice; }

bool EngineLock::select_voice(std::string_view voice) {
  EngineState& s = state();
  if (!s.ready) return false;
  if (s.voice == voice) return true;
  const std::string name(voice);
  if (espeak_ng_SetVoiceByName(name.c_str()) != ENS_OK) return false;
  s.voice = name;
  s.rate = -1;  // a voice change resets the rate
  return true;
}

void EngineLock::set_rate_wpm(int wpm) {
  EngineState& s = state();
  if (!s.ready || s.rate == wpm) return;
  espeak_ng_SetParameter(espeakRATE, wpm, 0);
  s.rate = wpm;
}

SynthOutcome EngineLock::synthesize(std::string_view utf8_text, const ChunkFn& on_chunk) {
  EngineState& s = state();
  if (!s.ready) return SynthOutcome::Failed;
  const std::string text(utf8_text);
  s.on_chunk = &on_chunk;
  s.stopped = false;
  const espeak_ng_STATUS st = espeak_ng_Synthesize(text.c_str(), text.size() + 1, 0, POS_CHARACTER,
                                                   0, espeakCHARS_UTF8, nullptr, nullptr);
  s.on_chunk = nullptr;
  if (s.stopped || st == ENS_SPEECH_STOPPED) return SynthOutcome::Stopped;
  return st == ENS_OK ? SynthOutcome::Done : SynthOutcome::Failed;
}

std::string EngineLock::text_to_phonemes(std::string_view utf8_text) {
  if (!state().ready) return {};
  const std::string text(utf8_text);
  const void* ptr = text.c_str();
  std::string out;
  while (ptr != nullptr) {
    const char* ph = espeak_TextToPhonemes(&ptr, espeakCHARS_UTF8, 0);
    if (ph == nullptr) break;
    if (!out.empty() && *ph != '\0') out += ' ';
    out += ph;
  }
  return out;
}

}  // namespace kiosk::drivers::speech::espeak
