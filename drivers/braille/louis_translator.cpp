// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/braille/louis_translator.h"

#include <liblouis/liblouis.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "kiosk/core/present/braille/braille_text.h"

namespace kiosk::drivers::braille {

namespace cb = kiosk::core::braille;

static_assert(sizeof(widechar) == 4, "liblouis must be built with 32-bit widechar");

namespace {
constexpr const char* kSystemTables = "/usr/share/liblouis/tables";
constexpr char32_t kBlank = U'\u2800';

char32_t to_unicode_cell(widechar c) {
  if (c >= 0x2800 && c <= 0x28FF) return static_cast<char32_t>(c);
  if ((c & 0xFF00) == 0x8000) return static_cast<char32_t>(0x2800 | (c & 0xFF));   // dotsIO
  if (c == ' ') return kBlank;
  return U'\u28FF';   // never expected; a full cell says "something here"
}
}  // namespace

std::string LouisTranslator::table_file(std::string_view table_id) {
  return std::string(table_id) + ".ctb";
}

LouisOpenResult LouisTranslator::open(const LouisConfig& config) {
  LouisOpenResult result;
  if (lou_charSize() != 4) {
    result.error = "liblouis widechar is not 32-bit";
    return result;
  }
  std::string path = config.table_dir;
  const char* existing = std::getenv("LOUIS_TABLEPATH");
  if (existing != nullptr && *existing != '\0') path += std::string(",") + existing;
  path += std::string(",") + kSystemTables;
  setenv("LOUIS_TABLEPATH", path.c_str(), 1);
  lou_setLogLevel(LOU_LOG_ERROR);
  for (std::string_view id : {cb::kTableZhCommon, cb::kTableZhCurrent, cb::kTableEnG1, cb::kTableEnG2}) {
    const std::string file = table_file(id);
    if (lou_getTable(file.c_str()) == nullptr) {
      result.error = "braille table does not compile: " + file + " (path " + path + ")";
      return result;
    }
  }
  result.translator.reset(new LouisTranslator());
  return result;
}

cb::Translation LouisTranslator::translate_with(std::string_view text, const std::string& table_file_name) {
  cb::Translation t;
  t.table = table_file_name;
  const std::u32string in32 = cb::utf8_decode(text);
  if (in32.empty()) return t;
  std::vector<widechar> in(in32.begin(), in32.end());
  // Chinese syllables take up to 3-4 cells per character; retry larger if it fills up.
  for (std::size_t factor = 4; factor <= 64; factor *= 4) {
    const std::size_t capacity = in.size() * factor + 16;
    std::vector<widechar> out(capacity);
    std::vector<int> input_pos(capacity);
    int in_len = static_cast<int>(in.size());
    int out_len = static_cast<int>(capacity);
    const int ok = lou_translate(table_file_name.c_str(), in.data(), &in_len, out.data(), &out_len,
                                 nullptr, nullptr, nullptr, input_pos.data(), nullptr, dotsIO | ucBrl);
    if (ok == 0) {
      t.error = "liblouis could not translate with " + table_file_name;
      return t;
    }
    if (in_len < static_cast<int>(in.size())) continue;   // output buffer was too small
    std::u32string cells;
    cells.reserve(static_cast<std::size_t>(out_len));
    t.source.clear();
    int last = 0;
    for (int i = 0; i < out_len; ++i) {
      cells += to_unicode_cell(out[static_cast<std::size_t>(i)]);
      // Keep positions non-decreasing (contractions can point backwards).
      last = std::max(last, std::min(input_pos[static_cast<std::size_t>(i)], in_len - 1));
      t.source.push_back(last);
    }
    t.cells = cb::utf8_encode(cells);
    return t;
  }
  t.error = "braille output too long";
  return t;
}

void LouisTranslator::set_reading(ReaderSource reader, cb::SyllableCharacters syllables) {
  m_reader_source = std::move(reader);
  m_reader.reset();
  m_syllables = std::move(syllables);
}

std::string LouisTranslator::follow_readings(ReaderSource reader, const std::string& syllables_file) {
  std::ifstream in(syllables_file, std::ios::binary);
  if (!in) return syllables_file + ": cannot read";
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = cb::SyllableCharacters::parse(text.str());
  if (!parsed) return syllables_file + ":" + parsed.error().message.substr(5);   // "line N: ..." -> ":N: ..."
  set_reading(std::move(reader), std::move(parsed.value()));
  return {};
}

cb::Translation LouisTranslator::translate(std::string_view text, const cb::BrailleTables& tables) {
  std::u32string in32 = cb::utf8_decode(text);
  const auto runs = cb::split_runs(in32);
  cb::Translation result;
  bool has_han = false;
  for (const auto& run : runs) has_han = has_han || run.script == cb::Script::Han;
  // National common braille follows the readings; current braille (kiosk-zh-g1) stays on
  // liblouis alone, as issue 13 asks.
  if (has_han && m_reader_source && tables.chinese == cb::kTableZhCommon) {
    if (!m_reader) m_reader = m_reader_source();
    if (m_reader) in32 = cb::substitute_readings(in32, m_reader->read(std::u32string_view(in32)), m_syllables);
  }
  const std::string main_table = table_file(has_han ? tables.chinese : tables.english);
  result.table = main_table;
  // zhcn-cbs writes digits (number sign + a-j, blank cells around them) and Latin inside
  // Chinese text itself, so in Han text every run uses the Chinese table; without Han,
  // letters and digits use the English table. Runs with the same table go in one call,
  // so contractions and number rules see whole words.
  auto table_of = [&](const cb::ScriptRun&) { return main_table; };
  std::size_t i = 0;
  std::u32string cells;
  while (i < runs.size()) {
    const std::string table = table_of(runs[i]);
    std::size_t j = i + 1;
    while (j < runs.size() && table_of(runs[j]) == table) ++j;
    const std::size_t begin = runs[i].begin;
    const std::size_t end = runs[j - 1].end;
    const std::string chunk = cb::utf8_encode(std::u32string_view(in32).substr(begin, end - begin));
    cb::Translation part = translate_with(chunk, table);
    if (!part.ok()) {
      result.error = part.error;
      result.cells.clear();
      result.source.clear();
      return result;
    }
    cells += cb::utf8_decode(part.cells);
    for (int s : part.source) result.source.push_back(s + static_cast<int>(begin));
    i = j;
  }
  result.cells = cb::utf8_encode(cells);
  return result;
}

}  // namespace kiosk::drivers::braille
