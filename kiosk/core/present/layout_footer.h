// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The footer of a screen layout: measured before the content (it sets where the content
// must end), drawn after it. Internal to the layout (layout.cpp); pure; main thread only.
#include <cstddef>
#include <string>
#include <vector>

#include "kiosk/core/present/layout_frame.h"

namespace kiosk::core::layout_parts {

struct FooterRow {
  std::vector<std::string> lines;
  int px;
  FontFace face;
  ColorRole face_color, text_color;
};

// The footer, bottom up: a bottom row (the braille mirror at the left, the page indicator
// at the right), then the caption, then the status line. A row is drawn only when it
// has something to show. The mirror is for sighted staff, so it keeps one small fixed
// size whatever the resident's zoom; the caption echoes speech and takes at most two
// lines and about 15 % of the height (starting with "…"), so at 200 % the page's own
// content keeps most of the screen. The status line (alerts) is never shortened.
struct Footer {
  int width = 0;
  std::vector<FooterRow> rows;   // bottom up
  int row_pad = 0;               // a filled row needs little: the line height has leading
  int rows_h = 0;
  std::vector<std::string> mirror;
  int mirror_h = 0;
  bool side_by_side = false;     // the page indicator fits beside the mirror
  int frame_bottom = 0;          // where the footer ends (above the touch bar)
  int bar_h = 0;
  int reach_bottom = 0;

  int bottom_row_h(bool paged, int small_line) const {
    if (!paged) return mirror_h;
    return side_by_side ? std::max(mirror_h, small_line) : mirror_h + small_line;
  }
  // Where the content must end: the focus ring reaches gap/2 below the last block.
  int content_limit(bool paged, const Frame& f) const {
    const int row = bottom_row_h(paged, f.small_line);
    const int footer_h = (row > 0 ? row + f.s.gap / 2 : 0) + rows_h;
    return frame_bottom - footer_h - (footer_h > 0 ? f.s.gap / 2 : 0) - f.s.gap / 2;
  }
};

// The page indicator's text ("第2页，共5页。用左右键翻页。").
std::string page_indicator(const Frame& f, std::size_t page, std::size_t count);
// tight: the on-screen pad needs the room, so the caption keeps to one line.
Footer measure_footer(const Frame& f, const std::string& prompt, const ReachBand& reach, bool tight);
// Draws the rows bottom up; moves the rows' lines into the list.
void draw_footer(const Frame& f, Footer& footer, bool paged, std::size_t page_count, ScreenLayout& out);

}  // namespace kiosk::core::layout_parts
