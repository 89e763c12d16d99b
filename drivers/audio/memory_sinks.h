// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// In-memory audio sinks. NullSink discards everything (the speech driver still reports
// progress); CaptureSink keeps every speech sample and earcon for tests and benchmarks.
// Both consume PCM instantly (nothing is ever "queued"). Thread-safe. ForwardingSink
// passes every call on to another sink: a test's or benchmark's probe derives from it and
// overrides only what it watches (it is as thread-safe as the sink it wraps).
#include <atomic>
#include <functional>
#include <mutex>
#include <vector>

#include "drivers/audio/audio_sink.h"

namespace kiosk::drivers::audio {

class NullSink : public AudioSink {
 public:
  void write_speech(std::span<const std::int16_t> pcm) override { m_written += pcm.size(); }
  void clear_speech() override {}
  std::uint64_t speech_frames_written() const override { return m_written; }
  std::uint64_t speech_frames_played() const override { return m_written; }
  void play_earcon(std::span<const std::int16_t>) override {}
  void set_volume_level(int) override {}
  bool has_device() const override { return false; }

 private:
  std::atomic<std::uint64_t> m_written{0};
};

class ForwardingSink : public AudioSink {
 public:
  explicit ForwardingSink(AudioSink& inner) : m_inner(inner) {}   // inner outlives this sink
  void write_speech(std::span<const std::int16_t> pcm) override { m_inner.write_speech(pcm); }
  void clear_speech() override { m_inner.clear_speech(); }
  std::uint64_t speech_frames_written() const override { return m_inner.speech_frames_written(); }
  std::uint64_t speech_frames_played() const override { return m_inner.speech_frames_played(); }
  void play_earcon(std::span<const std::int16_t> pcm) override { m_inner.play_earcon(pcm); }
  void set_volume_level(int level) override { m_inner.set_volume_level(level); }
  bool has_device() const override { return m_inner.has_device(); }

 private:
  AudioSink& m_inner;
};

class CaptureSink : public AudioSink {
 public:
  // Called on the writing thread for every speech chunk, before it is stored
  // (benchmarks timestamp the first sample here). Set before use.
  std::function<void(std::span<const std::int16_t>)> on_write;

  void write_speech(std::span<const std::int16_t> pcm) override {
    if (on_write) on_write(pcm);
    std::lock_guard lock(m_mutex);
    m_speech.insert(m_speech.end(), pcm.begin(), pcm.end());
    m_written += pcm.size();
  }
  void clear_speech() override { ++m_clears; }
  std::uint64_t speech_frames_written() const override { return m_written; }
  std::uint64_t speech_frames_played() const override { return m_written; }
  void play_earcon(std::span<const std::int16_t> pcm) override {
    std::lock_guard lock(m_mutex);
    m_earcons.emplace_back(pcm.begin(), pcm.end());
  }
  void set_volume_level(int level) override { m_volume = level; }
  bool has_device() const override { return true; }

  std::vector<std::int16_t> speech() const {
    std::lock_guard lock(m_mutex);
    return m_speech;
  }
  void reset() {
    std::lock_guard lock(m_mutex);
    m_speech.clear();
    m_earcons.clear();
  }
  std::size_t earcon_count() const {
    std::lock_guard lock(m_mutex);
    return m_earcons.size();
  }
  int volume_level() const { return m_volume; }
  int clear_count() const { return m_clears; }

 private:
  mutable std::mutex m_mutex;
  std::vector<std::int16_t> m_speech;
  std::vector<std::vector<std::int16_t>> m_earcons;
  std::atomic<std::uint64_t> m_written{0};
  std::atomic<int> m_volume{6};
  std::atomic<int> m_clears{0};
};

}  // namespace kiosk::drivers::audio
