// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// eSpeak NG in process (docs/design.md section 9.1): one worker thread owns the engine in
// synchronous mode; one voice per run (cmn-latn-pinyin, never cmn; en-us); rate steps of
// S4; PCM goes straight into an AudioSink as each chunk (20 ms) is made, so the first
// sample is queued well under a millisecond after speak(). Stop = the synth callback
// returns 1 and the sink's queue is cleared, under one lock, so no stale chunk can slip
// in after stop() returns. While idle the engine goes back to the Chinese voice, so the
// 5-11 ms voice load is never on the path of a key press. The worker is real-time while
// it waits (worker_priority.h), so a key's utterance is not queued behind layout,
// rendering or other processes.
//
// The worker also starts the engine (initialise, load the Chinese voice: 10-100 ms, most
// of it eSpeak reading every voice file once), before it takes the first utterance and
// at normal priority; with EngineStart::Background nothing waits for that.
//
// Only one EspeakDriver may exist at a time (eSpeak NG is a process-wide singleton).
// Public methods: main thread. Events and wakeup: worker thread (see SpeechDriver).
#include <atomic>
#include <condition_variable>
#include <memory>
#include <optional>
#include <thread>

#include "drivers/speech/speech_driver.h"
#include "drivers/speech/speech_result.h"
#include "drivers/speech/espeak/worker_priority.h"

namespace kiosk::drivers::speech {

class EspeakDriver final : public SpeechDriver {
 public:
  // Fails when another instance exists or (Wait only) when eSpeak NG or the Chinese
  // voice cannot be loaded; in the background such a failure leaves the driver silent
  // (see EngineStart).
  static SpeechResult<std::unique_ptr<EspeakDriver>> open(audio::AudioSink& sink,
                                                          EngineStart start = EngineStart::Wait);
  ~EspeakDriver() override;

  std::string_view code() const override { return "espeak-ng"; }
  void speak(Utterance utterance) override;
  void stop() override;
  void pause() override;
  void resume() override;
  bool is_speaking() const override;
  bool is_paused() const override;
  void set_volume(int level) override;
  // How the worker is scheduled (set once the worker has started).
  WorkerPriorityMode priority_mode() const { return m_priority_mode; }

 private:
  struct Chunk {
    std::string voice;
    std::string text;
    std::size_t sentence = 0;
  };
  struct Job {
    Utterance utterance;
    std::vector<Chunk> chunks;
    std::size_t first_sentence = 0;  // resume starts here
    std::uint64_t generation = 0;
  };

  enum class Engine { Starting, Ready, Failed };

  EspeakDriver(audio::AudioSink& sink, EngineStart start);
  void worker();
  bool start_engine();   // worker thread; false = failed (utterances fail from then on)
  void run_job(Job& job, WorkerPriority& priority);
  // Bumps the generation and clears the sink; caller holds m_write_mutex.
  void cut_locked();
  void start_job_locked(Utterance utterance, std::size_t first_sentence);

  audio::AudioSink& m_sink;
  const EngineStart m_start;
  std::atomic<WorkerPriorityMode> m_priority_mode{WorkerPriorityMode::Normal};
  std::thread m_thread;

  // m_write_mutex orders sink writes against stop(): held by the synth callback while
  // it checks the generation and writes, and by stop() while it bumps it and clears.
  std::mutex m_write_mutex;
  std::atomic<std::uint64_t> m_generation{0};

  mutable std::mutex m_mutex;  // guards everything below
  std::condition_variable m_cv;
  std::optional<Job> m_pending;
  bool m_quit = false;
  Engine m_engine = Engine::Starting;
  SpeechError m_engine_error;                  // why it failed
  std::uint64_t m_active_id = 0;  // utterance being spoken (0 = none)
  bool m_active = false;
  std::optional<Utterance> m_current;          // last utterance started (for pause)
  // (sentence index, sink frame written before its first sample), for pause.
  std::vector<std::pair<std::size_t, std::uint64_t>> m_sentence_start_frames;
  std::size_t m_sentence_start_first = 0;
  std::optional<std::pair<Utterance, std::size_t>> m_paused;  // utterance, sentence
};

// Splits runs into synthesis chunks at sentence ends (。！？；.!?; and newlines) so
// pause/resume can restart the interrupted sentence. Exposed for tests.
std::vector<std::pair<core::speech::SpeechRun, std::size_t>> split_sentences(
    const std::vector<core::speech::SpeechRun>& runs);

}  // namespace kiosk::drivers::speech
