// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/audio/sdl_audio_output.h"

#include <SDL.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "kiosk/core/present/speech/levels.h"

namespace kiosk::drivers::audio {
namespace {

void log_no_device_once(const std::string& why) {
  static std::atomic<bool> logged{false};
  if (!logged.exchange(true)) {
    std::fprintf(stderr, "kiosk: audio: no audio device (%s); continuing without sound\n",
                 why.c_str());
  }
}

}  // namespace

SdlAudioOutput::SdlAudioOutput(AudioOutputOptions options) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    m_error = std::string("SDL audio init failed: ") + SDL_GetError();
    log_no_device_once(m_error);
    return;
  }
  m_sdl_audio_init = true;
  SDL_AudioSpec want{};
  want.freq = kSampleRate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = static_cast<Uint16>(std::clamp(options.buffer_frames, 64, 512));
  want.callback = &SdlAudioOutput::audio_callback;
  want.userdata = this;
  SDL_AudioSpec have{};
  // allowed_changes = 0: SDL converts, so the callback always sees our exact format.
  m_device = SDL_OpenAudioDevice(options.device_name.empty() ? nullptr : options.device_name.c_str(),
                                 0, &want, &have, 0);
  if (m_device == 0) {
    m_error = std::string("SDL_OpenAudioDevice failed: ") + SDL_GetError();
    log_no_device_once(m_error);
    return;
  }
  m_buffer_frames = have.samples;
  SDL_PauseAudioDevice(m_device, 0);
}

SdlAudioOutput::~SdlAudioOutput() {
  if (m_device != 0) SDL_CloseAudioDevice(m_device);
  if (m_sdl_audio_init) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlAudioOutput::write_speech(std::span<const std::int16_t> pcm) {
  if (m_device == 0) {
    m_written += pcm.size();
    m_played += pcm.size();
    return;
  }
  std::lock_guard lock(m_mutex);
  m_speech.push(pcm);
  m_written += pcm.size();
}

void SdlAudioOutput::clear_speech() {
  std::lock_guard lock(m_mutex);
  m_speech.clear();
  m_played = m_written.load();
}

void SdlAudioOutput::play_earcon(std::span<const std::int16_t> pcm) {
  if (m_device == 0) return;
  std::lock_guard lock(m_mutex);
  m_earcon.clear();  // a new earcon replaces one still sounding
  m_earcon.push(pcm);
}

void SdlAudioOutput::set_volume_level(int level) {
  m_gain = kiosk::core::speech::volume_gain(level);
}

void SdlAudioOutput::audio_callback(void* self, unsigned char* stream, int len) {
  static_cast<SdlAudioOutput*>(self)->fill(reinterpret_cast<std::int16_t*>(stream),
                                           static_cast<std::size_t>(len) / sizeof(std::int16_t));
}

void SdlAudioOutput::fill(std::int16_t* out, std::size_t frames) {
  std::fill_n(out, frames, std::int16_t{0});
  thread_local std::vector<std::int16_t> earcon;
  earcon.assign(frames, 0);
  std::size_t got = 0;
  {
    std::lock_guard lock(m_mutex);
    got = m_speech.pop(std::span<std::int16_t>(out, frames));
    m_earcon.pop(earcon);
    m_played += got;
  }
  const float gain = m_gain;
  for (std::size_t i = 0; i < frames; ++i) {
    const float v = (static_cast<float>(out[i]) + static_cast<float>(earcon[i])) * gain;
    out[i] = static_cast<std::int16_t>(std::clamp(v, -32768.0f, 32767.0f));
  }
}

}  // namespace kiosk::drivers::audio
