// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Loads the reading step (core::speech::Reader, issue 13) off the caller's thread: the
// word list (assets/pinyin/words.tsv) and the reviewed lexicon (config/speech/lexicon.toml)
// are read and parsed on a thread of their own, started by the constructor, so the first
// frame never waits for them (about 15 ms and 4 MB for the word list). reader() waits
// for that thread once; after that it returns at once. Construct and call from any one
// thread at a time; the Reader it returns is immutable and may be shared with any thread.
#include <future>
#include <memory>
#include <string>

#include "kiosk/core/text/reading/reader.h"

namespace kiosk::drivers::speech {

class ReadingLoader {
 public:
  ReadingLoader(std::string words_file, std::string lexicon_file);
  ~ReadingLoader();
  ReadingLoader(const ReadingLoader&) = delete;
  ReadingLoader& operator=(const ReadingLoader&) = delete;

  // Never null. A missing or bad file is reported once on stderr ("kiosk: ...: file:line:
  // problem") and the reader goes on with what did load (lexicon only, or nothing).
  std::shared_ptr<const core::speech::Reader> reader();

 private:
  std::shared_future<std::shared_ptr<const core::speech::Reader>> m_future;
};

// The synchronous form, for tools and tests: the reader and the errors, one a line.
struct LoadedReading {
  std::shared_ptr<const core::speech::Reader> reader;
  std::string errors;
};
LoadedReading load_reading(const std::string& words_file, const std::string& lexicon_file);

}  // namespace kiosk::drivers::speech
