// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/speech/reading/reading_loader.h"

#include <cstdio>
#include <fstream>

#include "drivers/speech/reading/lexicon_loader.h"

namespace kiosk::drivers::speech {
namespace {

bool read_whole(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const std::streamoff size = in.tellg();
  if (size < 0) return false;
  out.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  return static_cast<bool>(in.read(out.data(), size));
}

}  // namespace

LoadedReading load_reading(const std::string& words_file, const std::string& lexicon_file) {
  LoadedReading out;
  std::shared_ptr<const core::speech::PinyinDictionary> dictionary;
  std::string text;
  if (!read_whole(words_file, text)) {
    out.errors += words_file + ": cannot read the pronunciation word list\n";
  } else if (auto parsed = core::speech::PinyinDictionary::parse(text)) {
    dictionary = std::make_shared<const core::speech::PinyinDictionary>(std::move(parsed.value()));
  } else {
    out.errors += words_file + ":" + parsed.error().message.substr(5) + "\n";   // "line N: ..." -> ":N: ..."
  }
  text = std::string();   // the file's text is not kept: only the compact dictionary
  core::speech::Lexicon lexicon;
  if (auto entries = load_lexicon_file(lexicon_file)) {
    lexicon = core::speech::Lexicon(std::move(entries.value()));
  } else {
    out.errors += entries.error().message + "\n";
  }
  out.reader = std::make_shared<const core::speech::Reader>(std::move(dictionary), lexicon);
  return out;
}

ReadingLoader::ReadingLoader(std::string words_file, std::string lexicon_file)
    : m_future(std::async(std::launch::async, [words = std::move(words_file), lexicon = std::move(lexicon_file)] {
        LoadedReading loaded = load_reading(words, lexicon);
        if (!loaded.errors.empty()) std::fprintf(stderr, "kiosk: pronunciation: %s", loaded.errors.c_str());
        return loaded.reader;
      }).share()) {}

ReadingLoader::~ReadingLoader() {
  if (m_future.valid()) m_future.wait();
}

std::shared_ptr<const core::speech::Reader> ReadingLoader::reader() { return m_future.get(); }

}  // namespace kiosk::drivers::speech
