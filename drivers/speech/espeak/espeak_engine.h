// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Process-wide access to eSpeak NG 1.51, which keeps global state and is not
// thread-safe (docs/design.md section 9.1). Every call goes through an EngineLock, which holds
// one process mutex: the speech worker and the phonemes helper can then share the
// engine safely. Synchronous output mode: PCM arrives in the calling thread.
#include <cstdint>
#include <functional>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

namespace kiosk::drivers::speech::espeak {

// Receives each PCM chunk (S16 mono 22,050 Hz); return false to stop synthesis now.
using ChunkFn = std::function<bool(std::span<const std::int16_t>)>;

enum class SynthOutcome { Done, Stopped, Failed };

class EngineLock {
 public:
  EngineLock();  // blocks until the engine is free; initializes it on first use
  EngineLock(const EngineLock&) = delete;
  EngineLock& operator=(const EngineLock&) = delete;

  bool ready() const;                // false when eSpeak NG could not be initialized
  const std::string& error() const;  // why not
  // Cached: selecting the current voice again costs nothing. cmn-latn-pinyin costs
  // 5-11 ms to switch to (it reloads its dictionary), en-us 0.2 ms.
  bool select_voice(std::string_view voice);
  const std::string& current_voice() const;
  void set_rate_wpm(int wpm);
  SynthOutcome synthesize(std::string_view utf8_text, const ChunkFn& on_chunk);
  // espeak_TextToPhonemes mode 0 (ASCII with tone digits), all clauses joined by spaces.
  std::string text_to_phonemes(std::string_view utf8_text);

 private:
  std::unique_lock<std::mutex> m_lock;
};

}  // namespace kiosk::drivers::speech::espeak
