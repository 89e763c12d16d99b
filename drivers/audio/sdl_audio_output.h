// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The audio device: SDL2, 22,050 Hz S16 mono, a 256-frame device buffer (11.6 ms of
// audible latency), fed from a callback that mixes speech and earcons and applies the
// volume gain, so a volume change or a clear takes effect within one buffer.
//
// Never fails to construct: SDL has no null-device fallback and the kiosk must run
// without sound (docs/design.md section 9.7), so when the device cannot be opened the output
// logs the reason once and then discards PCM as if it had been played.
//
// Construct and destroy on the main thread (SDL audio init). The AudioSink methods are
// thread-safe.
#include <atomic>
#include <mutex>
#include <string>

#include "drivers/audio/audio_sink.h"
#include "drivers/audio/pcm_queue.h"

namespace kiosk::drivers::audio {

struct AudioOutputOptions {
  int buffer_frames = 256;  // device buffer; keep <= 512 (S1)
  std::string device_name;  // empty = the system default output
};

class SdlAudioOutput final : public AudioSink {
 public:
  explicit SdlAudioOutput(AudioOutputOptions options = {});
  ~SdlAudioOutput() override;
  SdlAudioOutput(const SdlAudioOutput&) = delete;
  SdlAudioOutput& operator=(const SdlAudioOutput&) = delete;

  void write_speech(std::span<const std::int16_t> pcm) override;
  void clear_speech() override;
  std::uint64_t speech_frames_written() const override { return m_written; }
  std::uint64_t speech_frames_played() const override { return m_played; }
  void play_earcon(std::span<const std::int16_t> pcm) override;
  void set_volume_level(int level) override;
  bool has_device() const override { return m_device != 0; }

  // Why there is no device ("" when there is one). Main thread.
  const std::string& error() const { return m_error; }
  // The device buffer actually obtained, in frames (0 without a device).
  int buffer_frames() const { return m_buffer_frames; }

 private:
  static void audio_callback(void* self, unsigned char* stream, int len);
  void fill(std::int16_t* out, std::size_t frames);

  std::uint32_t m_device = 0;
  bool m_sdl_audio_init = false;
  int m_buffer_frames = 0;
  std::string m_error;
  std::mutex m_mutex;  // guards the queues; held only for a copy or a clear
  PcmQueue m_speech;
  PcmQueue m_earcon;
  std::atomic<float> m_gain{1.0f};
  std::atomic<std::uint64_t> m_written{0};
  std::atomic<std::uint64_t> m_played{0};
};

}  // namespace kiosk::drivers::audio
