// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Line breaking for large-print text (pure; measures through TextMeasurer).
//
// Chinese may break between any two Han characters, English only at spaces; a word
// wider than the whole line breaks by character. An explicit '\n' always breaks.
// Kinsoku: no line starts with closing punctuation (，。、；：？！）》」』”’ and their
// ASCII kin) and no line ends with opening punctuation (（《「『“‘ ...). Spaces at a
// wrap point are dropped. Any thread may call; nothing is kept between calls.
#include <cstddef>
#include <string>
#include <vector>

#include "kiosk/core/present/display_list.h"

namespace kiosk::core {

// Wraps `utf8` into lines no wider than max_width_px (pixels) when drawn at `px`
// (font size in pixels) with `face`. A single character wider than the line still gets
// a line of its own (the caller shrinks or scrolls). max_width_px <= 0 disables wrapping
// (only '\n' breaks). Empty input gives no lines; "a\n" gives {"a", ""}.
std::vector<std::string> wrap_text(const std::string& utf8, int max_width_px, int px,
                                   FontFace face, const TextMeasurer& measurer);

// The end of `utf8` wrapped into at most max_lines lines, as much of it as fits: when
// the start is cut, the first line opens with "…" ("..." in Latin-only text) and the cut falls where a line may
// break (between Han characters, or before a word), so the lines are full, not a
// fragment left over from wrapping the whole text. For live captions: the newest words.
std::vector<std::string> wrap_tail(const std::string& utf8, std::size_t max_lines, int max_width_px, int px,
                                   FontFace face, const TextMeasurer& measurer);

// Keeps max_lines of `lines`: the first ones, or with keep_end the last ones. When any
// were dropped, the line at the cut is shortened (by whole code points) until it ends
// (or, with keep_end, starts) with "…" within max_width_px. For secondary lines (the
// caption) that must not push the page's content away.
void limit_lines(std::vector<std::string>& lines, std::size_t max_lines, int max_width_px, int px,
                 FontFace face, const TextMeasurer& measurer, bool keep_end = false);

// Noto Sans CJK's cap height ("H") is 0.733 em (docs/accessibility.md V1); px are font pixels.
inline constexpr double kCapHeightEm = 0.733;
int cap_height_px(int font_px);
// The smallest font size (pixels) whose cap height is at least cap_px.
int font_px_for_cap_height(int cap_px);

// Classification used by wrap_text, exposed for tests and for the layout.
bool is_closing_punct(char32_t cp);
bool is_opening_punct(char32_t cp);
bool is_cjk_breakable(char32_t cp);   // a line may break before and after it

}  // namespace kiosk::core
