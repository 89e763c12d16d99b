// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The repository's reading step (word list + lexicon), loaded once per test binary.
#include <chrono>
#include <string>

#include "drivers/speech/reading/reading_loader.h"

namespace pronunciation_test {

struct Loaded {
  kiosk::drivers::speech::LoadedReading reading;
  double load_ms = 0;
};

inline const Loaded& repo_reading() {
  static const Loaded loaded = [] {
    Loaded l;
    const auto start = std::chrono::steady_clock::now();
    l.reading = kiosk::drivers::speech::load_reading(std::string(KIOSK_SOURCE_ROOT) + "/assets/pinyin/words.tsv",
                                                     std::string(KIOSK_SOURCE_ROOT) + "/config/speech/lexicon.toml");
    l.load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return l;
  }();
  return loaded;
}

inline const kiosk::core::speech::Reader& reader() { return *repo_reading().reading.reader; }

// Citation syllables of a text's Han characters, joined by spaces.
inline std::string citation(const std::string& text) {
  std::string out;
  for (const std::string& s : reader().read(text).citation) {
    if (s.empty()) continue;
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

}  // namespace pronunciation_test
