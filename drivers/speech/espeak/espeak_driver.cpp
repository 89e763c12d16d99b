// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/speech/espeak/espeak_driver.h"

#include <chrono>
#include <cstdio>

#include "drivers/audio/audio_sink.h"
#include "drivers/speech/espeak/espeak_engine.h"
#include "drivers/speech/espeak/worker_priority.h"
#include "kiosk/core/present/speech/levels.h"
#include "kiosk/core/text/utf8.h"

namespace kiosk::drivers::speech {
namespace {

std::atomic<bool> g_instance_exists{false};

bool is_sentence_end(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'.' || c == U'!' ||
         c == U'?' || c == U';' || c == U'\n';
}

}  // namespace

std::vector<std::pair<core::speech::SpeechRun, std::size_t>> split_sentences(
    const std::vector<core::speech::SpeechRun>& runs) {
  using core::speech::u32_to_utf8;
  using core::speech::utf8_to_u32;
  std::vector<std::pair<core::speech::SpeechRun, std::size_t>> out;
  std::size_t sentence = 0;
  for (const core::speech::SpeechRun& run : runs) {
    const std::u32string text = utf8_to_u32(run.text);
    std::size_t begin = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      // "3.5" is not a sentence end: a full stop needs a space or the end after it.
      const bool end = is_sentence_end(text[i]) &&
                       (text[i] != U'.' || i + 1 == text.size() || text[i + 1] == U' ');
      if (!end) continue;
      std::size_t stop = i + 1;
      while (stop < text.size() && core::speech::is_space(text[stop])) ++stop;
      out.push_back({{run.voice, u32_to_utf8(text.substr(begin, i + 1 - begin))}, sentence});
      ++sentence;
      begin = stop;
      i = stop - 1;
    }
    if (begin < text.size()) out.push_back({{run.voice, u32_to_utf8(text.substr(begin))}, sentence});
  }
  return out;
}

SpeechResult<std::unique_ptr<EspeakDriver>> EspeakDriver::open(audio::AudioSink& sink, EngineStart start) {
  if (g_instance_exists.exchange(true)) {
    return SpeechError{"espeak_busy", "another EspeakDriver is open in this process"};
  }
  std::unique_ptr<EspeakDriver> driver(new EspeakDriver(sink, start));
  if (start == EngineStart::Background) return driver;
  SpeechError error;
  {
    std::unique_lock lk(driver->m_mutex);
    driver->m_cv.wait(lk, [&] { return driver->m_engine != Engine::Starting; });
    if (driver->m_engine == Engine::Ready) return driver;
    error = driver->m_engine_error;
  }
  return error;   // the driver is destroyed on the way out, and another may open
}

EspeakDriver::EspeakDriver(audio::AudioSink& sink, EngineStart start) : m_sink(sink), m_start(start) {
  m_thread = std::thread([this] { worker(); });
}

EspeakDriver::~EspeakDriver() {
  {
    std::lock_guard wl(m_write_mutex);
    cut_locked();
    std::lock_guard lk(m_mutex);
    m_quit = true;
  }
  m_cv.notify_all();
  m_thread.join();
  g_instance_exists = false;
}

void EspeakDriver::cut_locked() {
  ++m_generation;
  m_sink.clear_speech();
}

void EspeakDriver::start_job_locked(Utterance utterance, std::size_t first_sentence) {
  Job job;
  for (auto& [run, sentence] : split_sentences(utterance.runs)) {
    job.chunks.push_back({run.voice, run.text, sentence});
  }
  job.first_sentence = first_sentence;
  job.generation = m_generation;
  m_sink.set_volume_level(utterance.volume);
  m_active = true;
  m_active_id = utterance.id;
  m_current = utterance;
  job.utterance = std::move(utterance);
  m_pending = std::move(job);
  // The caller notifies once it has let go of both locks: a woken real-time worker
  // would otherwise run at once only to block on them.
}

void EspeakDriver::speak(Utterance utterance) {
  {
    std::lock_guard wl(m_write_mutex);
    cut_locked();
    std::lock_guard lk(m_mutex);
    if (m_engine == Engine::Failed) {
      post_event({SpeechEventKind::Failed, utterance.id, m_engine_error.message});
      return;
    }
    if (m_active) post_event({SpeechEventKind::Stopped, m_active_id, "interrupted"});
    m_paused.reset();
    start_job_locked(std::move(utterance), 0);
  }
  m_cv.notify_all();
}

void EspeakDriver::stop() {
  std::lock_guard wl(m_write_mutex);
  cut_locked();
  std::lock_guard lk(m_mutex);
  m_pending.reset();
  m_paused.reset();
  if (m_active) post_event({SpeechEventKind::Stopped, m_active_id, "stop"});
  m_active = false;
}

void EspeakDriver::pause() {
  std::lock_guard wl(m_write_mutex);
  std::lock_guard lk(m_mutex);
  if (!m_active || !m_current) return;
  // The sentence being heard is the last one whose first frame has been played.
  const std::uint64_t played = m_sink.speech_frames_played();
  std::size_t sentence = m_sentence_start_first;
  for (const auto& [index, frame] : m_sentence_start_frames) {
    if (frame <= played) sentence = index;
  }
  cut_locked();
  m_pending.reset();
  m_paused = std::make_pair(*m_current, sentence);
  post_event({SpeechEventKind::Stopped, m_active_id, "pause"});
  m_active = false;
}

void EspeakDriver::resume() {
  {
    std::lock_guard wl(m_write_mutex);
    std::lock_guard lk(m_mutex);
    if (!m_paused) return;
    auto [utterance, sentence] = std::move(*m_paused);
    m_paused.reset();
    cut_locked();
    start_job_locked(std::move(utterance), sentence);
  }
  m_cv.notify_all();
}

bool EspeakDriver::is_speaking() const {
  std::lock_guard lk(m_mutex);
  return m_active;
}

bool EspeakDriver::is_paused() const {
  std::lock_guard lk(m_mutex);
  return m_paused.has_value();
}

void EspeakDriver::set_volume(int level) {
  m_sink.set_volume_level(level);
  std::lock_guard lk(m_mutex);
  if (m_current) m_current->volume = level;
  if (m_paused) m_paused->first.volume = level;
}

bool EspeakDriver::start_engine() {
  SpeechError error;
  {
    espeak::EngineLock engine;
    if (!engine.ready()) {
      error = {"espeak_init_failed", engine.error()};
    } else if (!engine.select_voice(core::speech::kVoiceChinese)) {
      error = {"espeak_voice_missing", "cannot load voice cmn-latn-pinyin"};
    }
  }
  const bool ready = error.code.empty();
  {
    std::lock_guard lk(m_mutex);
    m_engine = ready ? Engine::Ready : Engine::Failed;
    if (!ready) {
      // What was asked for while the engine started fails now, as it would have at once.
      m_engine_error = error;
      m_pending.reset();
      m_paused.reset();
      if (m_active) post_event({SpeechEventKind::Failed, m_active_id, error.message});
      m_active = false;
    }
  }
  m_cv.notify_all();   // open() waits for this with EngineStart::Wait
  if (!ready && m_start == EngineStart::Background)
    std::fprintf(stderr, "kiosk: speech: eSpeak NG did not start (%s); speech is silent\n", error.message.c_str());
  return ready;
}

void EspeakDriver::worker() {
  // Before the worker turns real-time: reading eSpeak's data must not hold a core ahead
  // of the main thread drawing the first frame.
  if (!start_engine()) return;
  WorkerPriority priority;
  m_priority_mode = priority.mode();
  for (;;) {
    Job job;
    priority.urgent();
    {
      std::unique_lock lk(m_mutex);
      m_cv.wait(lk, [&] { return m_quit || m_pending.has_value(); });
      if (m_quit) return;
      job = std::move(*m_pending);
      m_pending.reset();
    }
    run_job(job, priority);
  }
}

void EspeakDriver::run_job(Job& job, WorkerPriority& priority) {
  const std::uint64_t id = job.utterance.id;
  const int wpm = core::speech::rate_wpm_for_percent(job.utterance.rate_percent);
  bool started = false;
  std::string failure;
  {
    std::lock_guard lk(m_mutex);
    m_sentence_start_frames.clear();
    m_sentence_start_first = job.first_sentence;
  }
  {
    espeak::EngineLock engine;
    std::size_t last_sentence = static_cast<std::size_t>(-1);
    const espeak::ChunkFn on_chunk = [&](std::span<const std::int16_t> pcm) {
      std::lock_guard wl(m_write_mutex);
      if (m_generation != job.generation) return false;
      m_sink.write_speech(pcm);
      if (!started) {
        started = true;
        post_event({SpeechEventKind::Started, id, {}});
        priority.relaxed();   // the key's first sample is queued; the rest is not urgent
      }
      return true;
    };
    for (const Chunk& chunk : job.chunks) {
      if (m_generation != job.generation) break;
      if (chunk.sentence < job.first_sentence) continue;
      if (!engine.select_voice(chunk.voice)) {
        failure = "cannot load voice " + chunk.voice;
        break;
      }
      engine.set_rate_wpm(wpm);
      if (chunk.sentence != last_sentence) {
        std::lock_guard lk(m_mutex);
        m_sentence_start_frames.emplace_back(chunk.sentence, m_sink.speech_frames_written());
        last_sentence = chunk.sentence;
      }
      const espeak::SynthOutcome outcome = engine.synthesize(chunk.text, on_chunk);
      if (outcome == espeak::SynthOutcome::Stopped) break;
      if (outcome == espeak::SynthOutcome::Failed) {
        failure = "synthesis failed";
        break;
      }
    }
    // Back to the Chinese voice while the audio plays, not when the next key comes.
    bool pending = false;
    {
      std::lock_guard lk(m_mutex);
      pending = m_pending.has_value();
    }
    if (!pending) engine.select_voice(core::speech::kVoiceChinese);
  }
  priority.urgent();   // the next key may come while this utterance plays out
  std::unique_lock lk(m_mutex);
  if (!failure.empty()) {
    if (m_generation == job.generation && m_active && m_active_id == id) {
      m_active = false;
      post_event({SpeechEventKind::Failed, id, failure});
    }
    return;
  }
  // Finished means heard: wait until the device has played the queue out.
  while (!m_quit && !m_pending && m_generation == job.generation &&
         m_sink.speech_frames_queued() > 0) {
    m_cv.wait_for(lk, std::chrono::milliseconds(5));
  }
  if (m_generation == job.generation && m_active && m_active_id == id && !m_pending) {
    m_active = false;
    post_event({SpeechEventKind::Finished, id, {}});
  }
}

}  // namespace kiosk::drivers::speech
