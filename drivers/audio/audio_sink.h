// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where speech PCM and earcons go: S16 mono at 22,050 Hz (eSpeak NG's native format).
// Implementations: SdlAudioOutput (the device), CaptureSink and NullSink (memory, tests).
// Thread rules: write_speech is called by the speech worker; clear_speech, set_volume_level
// and play_earcon by any thread (the main thread in practice); all are thread-safe.
#include <cstdint>
#include <span>

namespace kiosk::drivers::audio {

inline constexpr int kSampleRate = 22050;  // Hz, mono, signed 16-bit

class AudioSink {
 public:
  virtual ~AudioSink() = default;

  // Appends speech PCM to the play queue.
  virtual void write_speech(std::span<const std::int16_t> pcm) = 0;
  // Drops every queued speech frame at once (stop, pause, interruption).
  virtual void clear_speech() = 0;
  // Frames ever written / ever consumed (played or cleared). written - played = queued.
  virtual std::uint64_t speech_frames_written() const = 0;
  virtual std::uint64_t speech_frames_played() const = 0;
  std::uint64_t speech_frames_queued() const {
    return speech_frames_written() - speech_frames_played();
  }

  // Mixes a short sound under the speech (it does not interrupt it).
  virtual void play_earcon(std::span<const std::int16_t> pcm) = 0;
  // Level 0..10 (S5); applied to everything still queued, at once.
  virtual void set_volume_level(int level) = 0;
  // False when no audio device could be opened: PCM is then discarded as if played.
  virtual bool has_device() const = 0;
};

}  // namespace kiosk::drivers::audio
