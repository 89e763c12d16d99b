// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pure text helpers for braille: UTF-8 <-> code points, and the split of a line into
// runs by script so that each run goes through one liblouis table (a mixed table list
// such as "en-ueb-g1.ctb,zhcn-cbs.ctb" fails to compile, docs/design.md section 9.2).
// Any thread; no state.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core::braille {

// Invalid bytes decode to U+FFFD, one per byte, so positions stay defined.
std::u32string utf8_decode(std::string_view text);
std::string utf8_encode(std::u32string_view text);
std::string utf8_encode(char32_t code_point);

enum class Script {
  Han,     // CJK ideographs, CJK and full-width punctuation: the Chinese table
  Latin,   // letters and the punctuation between them: the English table
  Digits,  // 0-9 with . , : - between digits: numeric braille
};

struct ScriptRun {
  Script script = Script::Latin;
  std::size_t begin = 0;   // code point index into the decoded text
  std::size_t end = 0;     // one past the last code point
};

bool is_han(char32_t c);
bool is_braille_cell(char32_t c);   // U+2800..U+28FF

// Splits decoded text into maximal runs. Neutral characters (spaces, ASCII punctuation)
// join the run before them (the first run when they lead). Inside text that contains Han,
// Latin letters stay in the Han run: zhcn-cbs writes Latin in Chinese text itself
// (ATM -> capital signs), only digit runs are split out. Without Han, text is Latin runs
// and Digit runs. Runs cover the whole text, in order, without gaps.
std::vector<ScriptRun> split_runs(std::u32string_view text);

}  // namespace kiosk::core::braille
