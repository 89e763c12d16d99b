// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/speech/reading/lexicon_loader.h"

#include <fstream>
#include <sstream>
#include <toml++/toml.h>

namespace kiosk::drivers::speech {
namespace {

std::string where(const std::string& source, const toml::source_region& r) {
  return source + ":" + std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column);
}

}  // namespace

SpeechResult<std::vector<core::speech::LexiconEntry>> parse_lexicon(const std::string& toml_text,
                                                                    const std::string& source_name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    return SpeechError{"lexicon_parse_error",
                       where(source_name, e.source()) + ": " + std::string(e.description())};
  }
  std::vector<core::speech::LexiconEntry> entries;
  const toml::array* list = root["entry"].as_array();
  if (list == nullptr) return entries;
  for (const toml::node& node : *list) {
    const toml::table* t = node.as_table();
    if (t == nullptr) {
      return SpeechError{"lexicon_invalid", where(source_name, node.source()) + ": entry is not a table"};
    }
    const auto word = (*t)["word"].value<std::string>();
    const auto pinyin = (*t)["pinyin"].value<std::string>();
    if (!word || word->empty() || !pinyin || pinyin->empty()) {
      return SpeechError{"lexicon_invalid",
                         where(source_name, t->source()) + ": entry needs word and pinyin"};
    }
    entries.push_back({*word, *pinyin, (*t)["homophone"].value_or(std::string())});
  }
  return entries;
}

SpeechResult<std::vector<core::speech::LexiconEntry>> load_lexicon_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return SpeechError{"lexicon_missing", "cannot read " + path};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_lexicon(text.str(), path);
}

}  // namespace kiosk::drivers::speech
