// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A predictable translator for presenter tests: a Han character gives two cells
// (U+2811 U+2801), a space a blank cell, anything else one cell U+2800 + (c & 0x3F).
#include "kiosk/core/present/braille/braille_text.h"
#include "kiosk/core/present/braille/braille_translator.h"

namespace kiosk::core::braille::testing {

class FakeTranslator : public BrailleTranslator {
 public:
  int calls = 0;
  bool fail = false;
  Translation translate(std::string_view text, const BrailleTables& tables) override {
    ++calls;
    Translation t;
    if (fail) {
      t.error = "fake failure";
      return t;
    }
    const std::u32string chars = utf8_decode(text);
    std::u32string cells;
    bool han = false;
    for (std::size_t i = 0; i < chars.size(); ++i) {
      const char32_t c = chars[i];
      const int index = static_cast<int>(i);
      if (is_han(c)) {
        han = true;
        cells += U'\u2811';
        cells += U'\u2801';
        t.source.push_back(index);
        t.source.push_back(index);
      } else if (c == U' ') {
        cells += U'\u2800';
        t.source.push_back(index);
      } else {
        cells += static_cast<char32_t>(0x2800 + (c & 0x3F));
        t.source.push_back(index);
      }
    }
    t.cells = utf8_encode(cells);
    t.table = (han ? tables.chinese : tables.english) + ".ctb";
    return t;
  }
};

inline std::size_t cell_count(const std::string& utf8) { return utf8_decode(utf8).size(); }

}  // namespace kiosk::core::braille::testing
