// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/layout_footer.h"

#include <algorithm>

#include "kiosk/core/present/text_wrap.h"

namespace kiosk::core::layout_parts {

std::string page_indicator(const Frame& f, std::size_t page, std::size_t count) {
  return f.in.catalog.text(Message::of("layout.page").arg("page", std::to_string(page)).arg("pages", std::to_string(count)),
                           f.lang);
}

namespace {

// The caption row's lines: like live captions, the newest words stay (speech ends with the
// focused item, while the title and prompt it starts with are on the screen already).
std::vector<std::string> caption_lines(const Frame& f, int width, bool one_line) {
  const LayoutInput& in = f.in;
  const auto most = one_line ? std::size_t{1} : static_cast<std::size_t>(std::clamp(f.metrics.height * 15 / 100 / f.body_line, 1, 2));
  auto lines = wrap_text(in.caption, width, f.s.body_px, FontFace::Regular, f.measurer);
  if (lines.size() <= most) return lines;
  // Too long: the focused item's name first (issue 12: at 200 % the tail alone lost
  // it), then what follows it as room allows; without a name, the newest words.
  const Node* node = in.tree.find(in.focused);
  const std::string name =
      node ? in.catalog.text(f.easy && !node->easy_read.empty() ? node->easy_read : node->name, f.lang, f.easy) : std::string();
  const auto at = name.empty() ? std::string::npos : in.caption.rfind(name);
  if (at == std::string::npos) return wrap_tail(in.caption, most, width, f.s.body_px, FontFace::Regular, f.measurer);
  lines = wrap_text((at > 0 ? "…" : "") + in.caption.substr(at), width, f.s.body_px, FontFace::Regular, f.measurer);
  limit_lines(lines, most, width, f.s.body_px, FontFace::Regular, f.measurer);
  return lines;
}

}  // namespace

Footer measure_footer(const Frame& f, const std::string& prompt, const ReachBand& reach, bool tight) {
  const LayoutInput& in = f.in;
  const Sizes& s = f.s;
  Footer footer;
  footer.width = f.metrics.width - 2 * s.margin - 2 * s.gap;
  const std::string status_text = in.status ? in.catalog.text(in.status->text, f.lang, f.easy) : std::string();
  // An alert is spoken too: its caption would only repeat the status line above it.
  if (!in.caption.empty() && in.caption != status_text)
    footer.rows.push_back({caption_lines(f, footer.width, tight), s.body_px, FontFace::Regular, ColorRole::CaptionFace,
                           ColorRole::CaptionText});
  // An alert that says what the prompt under the title says already (the timeout
  // warning) would only take the page's room twice.
  if (in.status && status_text != prompt) {
    const bool bad = in.status->code.find("invalid") != std::string::npos || in.status->code.find("failed") != std::string::npos;
    footer.rows.push_back({wrap_text(status_text, footer.width, s.body_px, FontFace::Bold, f.measurer), s.body_px,
                           FontFace::Bold, bad ? ColorRole::Error : ColorRole::Background,
                           bad ? ColorRole::ErrorText : ColorRole::Text});
  }
  footer.row_pad = s.gap / 2;
  for (const auto& row : footer.rows)
    footer.rows_h += static_cast<int>(row.lines.size()) * f.measurer.line_height(row.px, row.face) + footer.row_pad + s.gap / 2;
  if (!in.braille_cells.empty())
    footer.mirror = wrap_text(in.braille_cells, footer.width, s.staff_px, FontFace::Braille, f.measurer);
  footer.mirror_h = static_cast<int>(footer.mirror.size()) * f.measurer.line_height(s.staff_px, FontFace::Braille);
  int mirror_w = 0;
  for (const auto& line : footer.mirror) mirror_w = std::max(mirror_w, f.measurer.width(line, s.staff_px, FontFace::Braille));
  // Widest the indicator can get: a page count of two digits (more than the nodes when
  // a tall item is split over pages).
  const std::size_t most_pages = std::max<std::size_t>(in.tree.nodes.size(), 99);
  const int indicator_w = f.measurer.width(page_indicator(f, most_pages, most_pages), s.small_px, FontFace::Regular);
  footer.side_by_side = mirror_w + 2 * s.gap + indicator_w <= footer.width;
  // The touch bar takes the foot of the screen; the footer sits above it.
  footer.bar_h = std::max(s.target_min, f.body_line + s.gap);
  footer.reach_bottom = std::min(f.metrics.height - s.margin, reach.bottom);
  footer.frame_bottom = footer.reach_bottom - (in.touch_bar ? footer.bar_h + s.gap : 0);
  return footer;
}

void draw_footer(const Frame& f, Footer& footer, bool paged, std::size_t page_count, ScreenLayout& out) {
  const Sizes& s = f.s;
  DisplayList& list = out.list;
  int bottom = footer.frame_bottom;
  if (const int row_h = footer.bottom_row_h(paged, f.small_line); row_h > 0) {
    const int row_top = bottom - row_h;
    if (!footer.mirror.empty())
      list.texts.push_back({{s.margin + s.gap, paged && !footer.side_by_side ? row_top : bottom - footer.mirror_h,
                             footer.width, footer.mirror_h},
                            footer.mirror, s.staff_px, FontFace::Braille, ColorRole::MutedText, false});
    if (paged) {
      std::string indicator = page_indicator(f, static_cast<std::size_t>(out.page + 1), page_count);
      const int w = f.measurer.width(indicator, s.small_px, FontFace::Regular);
      // Right-aligned beside the mirror, or on a line of its own under it.
      const Rect box = footer.side_by_side ? Rect{s.margin + s.gap + footer.width - w, bottom - f.small_line, w, f.small_line}
                                           : Rect{s.margin + s.gap, bottom - f.small_line, footer.width, f.small_line};
      list.texts.push_back({box, {std::move(indicator)}, s.small_px, FontFace::Regular, ColorRole::MutedText, false});
    }
    bottom = row_top - s.gap / 2;
  }
  const int full_w = f.metrics.width - 2 * s.margin;
  for (auto& row : footer.rows) {
    const int text_h = static_cast<int>(row.lines.size()) * f.measurer.line_height(row.px, row.face);
    if (&row == &footer.rows.back()) {
      // A rule above the footer: in the high-contrast themes the caption's face is the
      // background, and without it the caption would read as one more item.
      const int rule_y = bottom - text_h - footer.row_pad - s.gap / 4 - 1;
      list.rects.push_back({{s.margin, rule_y, full_w, 2}, ColorRole::Border, 0});
    }
    const int h = text_h + footer.row_pad;
    bottom -= h;
    list.rects.push_back({{s.margin, bottom, full_w, h}, row.face_color, 0});
    list.texts.push_back({{s.margin + s.gap, bottom + footer.row_pad / 2, footer.width, h - footer.row_pad},
                          std::move(row.lines), row.px, row.face, row.text_color, false});
    bottom -= s.gap / 2;
  }
}

}  // namespace kiosk::core::layout_parts
