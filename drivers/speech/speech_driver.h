// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The speech driver interface (docs/design.md section 3). One utterance at a time: speak()
// replaces whatever is playing (nothing queues, docs/accessibility.md principle 3).
//
// Threads: every method is called from the main thread. Drivers report progress as
// SpeechEvents; they may post them from their own worker thread, then call the wakeup
// function (set_wakeup) on that thread so the main loop can wake (e.g. SDL_PushEvent)
// and call drain_events() on the main thread.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/speech/speech_result.h"
#include "kiosk/core/text/script_split.h"

namespace kiosk::drivers::audio {
class AudioSink;
}

namespace kiosk::drivers::speech {

enum class Route { Speaker, Headset };
std::string_view route_name(Route route);  // "speaker" | "headset" (transcript values)

struct Utterance {
  std::uint64_t id = 0;                          // chosen by the app, echoed in events
  std::vector<core::speech::SpeechRun> runs;     // from core::speech::normalise()
  int rate_percent = 100;                        // S4 steps 50..200, nearest step used
  int volume = 6;                                // S5 level 0..10, applied at once
  Route route = Route::Speaker;
};

enum class SpeechEventKind {
  Started,   // first PCM of the utterance handed to the audio sink
  Finished,  // all of it played (or, without a device, synthesized)
  Stopped,   // cut by stop(), pause() or a newer speak()
  Failed,    // the engine reported an error; detail says which
};

struct SpeechEvent {
  SpeechEventKind kind;
  std::uint64_t utterance_id = 0;
  std::string detail;
};

class SpeechDriver {
 public:
  virtual ~SpeechDriver() = default;

  virtual std::string_view code() const = 0;
  // Interrupts current speech at once, then speaks `utterance`.
  virtual void speak(Utterance utterance) = 0;
  // Silences at once: no PCM of the current utterance reaches the sink after it returns.
  virtual void stop() = 0;
  // Pause halts; resume restarts the interrupted sentence. speak()/stop() cancel pause.
  virtual void pause() = 0;
  virtual void resume() = 0;
  virtual bool is_speaking() const = 0;
  virtual bool is_paused() const = 0;
  // Volume level 0..10, effective at once (also for audio already queued).
  virtual void set_volume(int level) = 0;

  void set_wakeup(std::function<void()> wakeup);
  std::vector<SpeechEvent> drain_events();

 protected:
  void post_event(SpeechEvent event);  // any thread

 private:
  std::mutex m_events_mutex;
  std::deque<SpeechEvent> m_events;
  std::function<void()> m_wakeup;
};

// Records utterances instead of speaking them (tests, --announce dry runs). Events
// Started and Finished are posted at once.
class CaptureSpeechDriver final : public SpeechDriver {
 public:
  std::string_view code() const override { return "capture"; }
  void speak(Utterance utterance) override;
  void stop() override;
  void pause() override { m_paused = true; }
  void resume() override { m_paused = false; }
  bool is_speaking() const override { return false; }
  bool is_paused() const override { return m_paused; }
  void set_volume(int level) override { m_volume = level; }

  const std::vector<Utterance>& utterances() const { return m_utterances; }
  int stop_count() const { return m_stops; }
  int volume() const { return m_volume; }

 private:
  std::vector<Utterance> m_utterances;
  int m_stops = 0;
  int m_volume = 6;
  bool m_paused = false;
};

// Says nothing; reports every utterance as finished at once.
class NullSpeechDriver final : public SpeechDriver {
 public:
  std::string_view code() const override { return "null"; }
  void speak(Utterance utterance) override;
  void stop() override {}
  void pause() override {}
  void resume() override {}
  bool is_speaking() const override { return false; }
  bool is_paused() const override { return false; }
  void set_volume(int) override {}
};

// How a driver whose engine is slow to start (eSpeak NG reads its voice list and the
// Mandarin dictionary) opens. Wait: open() returns once the engine is ready, or fails
// (tests, benchmarks). Background: open() returns at once and the driver's worker
// starts the engine; what is asked for meanwhile is spoken once it is ready (the kiosk,
// so that nothing on the main thread waits for the engine). An engine that then fails
// to start leaves the driver silent: every utterance fails at once, like a null driver,
// and the log says why once (too late to try the next code of the list).
enum class EngineStart { Wait, Background };

// Driver table (docs/design.md section 3): the app tries codes in config order; the first
// that opens wins. `sink` must outlive the driver. Codes: "espeak-ng", "capture", "null".
struct SpeechDriverInfo {
  std::string_view code;
  std::string_view description;
};
const std::vector<SpeechDriverInfo>& speech_driver_table();
SpeechResult<std::unique_ptr<SpeechDriver>> open_speech_driver(std::string_view code,
                                                               audio::AudioSink& sink,
                                                               EngineStart start = EngineStart::Wait);
// First of `codes` that opens; KIOSK_SPEECH_DRIVER in the environment overrides the list.
SpeechResult<std::unique_ptr<SpeechDriver>> open_first_speech_driver(
    const std::vector<std::string>& codes, audio::AudioSink& sink, EngineStart start = EngineStart::Wait);

}  // namespace kiosk::drivers::speech
