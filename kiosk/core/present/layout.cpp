// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/layout.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "kiosk/core/present/layout_footer.h"
#include "kiosk/core/present/layout_frame.h"
#include "kiosk/core/present/layout_touch.h"
#include "kiosk/core/present/text_wrap.h"

namespace kiosk::core {

Sizes sizes_for(int zoom_percent, const LayoutMetrics& metrics) {
  const double px_per_mm = 1.0 / metrics.pixel_pitch_mm;
  const double zoom = zoom_percent / 100.0;
  Sizes s{};
  // Cap height 6.1 mm at 100 % (docs/accessibility.md V1); font px = cap / 0.733.
  s.body_px = font_px_for_cap_height(static_cast<int>(std::ceil(6.1 * zoom * px_per_mm)));
  // Above 120 % the body text is already large and a 1.3x title would take a sixth of
  // the height at 200 %; bold and the accent colour still set it apart at 1.15x.
  s.title_px = static_cast<int>(std::lround(s.body_px * (zoom_percent > 120 ? 1.15 : 1.3)));
  // Nothing under 4.8 mm cap height, even the small print at 80 %.
  s.small_px = std::max(font_px_for_cap_height(static_cast<int>(std::ceil(4.8 * px_per_mm))),
                        static_cast<int>(std::lround(s.body_px * 0.8)));
  // The frame's margin does not grow with the text: at 200 % a scaled one would take
  // another 50 px of height for nothing; it stays at least a gap (room for the ring).
  const int body_100 = font_px_for_cap_height(static_cast<int>(std::ceil(6.1 * px_per_mm)));
  s.margin = static_cast<int>(std::lround(body_100 * 0.75));
  s.gap = std::max(static_cast<int>(std::ceil(3.0 * px_per_mm)), static_cast<int>(std::lround(s.body_px * 0.4)));
  s.target_min = static_cast<int>(std::ceil(15.0 * px_per_mm));
  s.margin = std::max(s.margin, s.gap);
  s.focus_thickness = std::max(static_cast<int>(std::ceil(1.0 * px_per_mm)), static_cast<int>(std::lround(s.body_px * 0.15)));
  s.staff_px = font_px_for_cap_height(static_cast<int>(std::ceil(4.8 * px_per_mm)));
  return s;
}

ReachBand reach_band(const LayoutMetrics& metrics) {
  if (metrics.screen_bottom_mm < 0) return {0, metrics.height};
  // Row y is (height - y) pixels above the screen's lower edge.
  auto row_at_mm = [&](int mm) {
    return metrics.height - static_cast<int>(std::floor((mm - metrics.screen_bottom_mm) / metrics.pixel_pitch_mm));
  };
  return {std::clamp(row_at_mm(kReachHighMm), 0, metrics.height), std::clamp(row_at_mm(kReachLowMm), 0, metrics.height)};
}

std::string node_label(const Node& node, const Catalog& catalog, const Settings& settings) {
  const std::string& lang = settings.language;
  std::string label = catalog.text(node.easy_read.empty() || !settings.easy_read ? node.name : node.easy_read,
                                   lang, settings.easy_read);
  const std::string separator = lang == "en" ? ": " : "：";
  if (node.role == Role::Checkbox)
    label += separator + catalog.text(node.state.selected ? "state.on" : "state.off", lang);
  const std::string& shown = node.masked_value ? *node.masked_value : node.value;
  if (!shown.empty()) label += separator + shown;
  // C1: the error under the field, after a warning sign (not colour alone).
  if (!node.error.empty()) label += "\n⚠ " + catalog.text(node.error, lang, settings.easy_read);
  return label;
}

namespace {

struct Block {
  const Node* node;
  std::vector<std::string> lines;
  int height;
  int vpad;     // space above and below the text inside the block
  bool boxed;
};

// What one page shows of a block: all of it, or, for a block taller than the content
// area, some of its lines.
struct Piece {
  std::size_t block;
  std::size_t first_line, line_count;
  int height;
};

ColorRole face_for(const Node& node, bool boxed) {
  if (!boxed) return ColorRole::Background;
  return node.state.selected ? ColorRole::SelectedFace : ColorRole::ButtonFace;
}

ColorRole text_for(const Node& node, bool boxed) {
  if (node.state.invalid) return boxed ? ColorRole::ButtonText : ColorRole::ErrorText;
  if (!boxed) return node.role == Role::Heading ? ColorRole::Accent : ColorRole::Text;
  return node.state.selected ? ColorRole::SelectedText : ColorRole::ButtonText;
}

using layout_parts::draw_footer;
using layout_parts::Footer;
using layout_parts::Frame;
using layout_parts::measure_footer;

struct Header {
  int bottom;            // the first row under it
  std::string prompt;    // as shown ("" = none)
  int title_bottom = 0;  // the first row under the title (the pad may rise beside the prompt)
};

// Where the on-screen pad rises beside the prompt: the prompt's lines from `from_y` down
// end at `right`, left of the pad (from_y < 0: not at all).
struct Narrow {
  int from_y = -1;
  int right = 0;
};

// The header's text, wrapped once at the full width: the title, the step ("第2步，共6步")
// at the right end of a one-line title when it fits there (which saves a whole line at
// large sizes) or else on its own line under the prompt, and the prompt.
struct HeaderText {
  std::vector<std::string> title;
  std::string step;                       // "" = no steps
  int step_beside_w = 0;                  // > 0: the step's width, at the title's right end
  std::vector<std::string> step_lines;    // the step on its own line (not beside the title)
  std::string prompt;                     // as shown ("" = none)
  std::vector<std::string> prompt_lines;
};

HeaderText measure_header(const Frame& f) {
  const Sizes& s = f.s;
  const LayoutInput& in = f.in;
  const int header_w = f.right - f.left;
  HeaderText text;
  text.title = wrap_text(in.catalog.text(in.tree.title, f.lang, f.easy), header_w, s.title_px, FontFace::Bold, f.measurer);
  if (in.tree.steps > 0)
    text.step = in.catalog.text(Message::of("flow.step").arg("step", std::to_string(in.tree.step))
                                    .arg("steps", std::to_string(in.tree.steps)), f.lang);
  if (!text.step.empty() && text.title.size() == 1) {
    const int step_w = f.measurer.width(text.step, s.small_px, FontFace::Regular);
    const int title_w = f.measurer.width(text.title.front(), s.title_px, FontFace::Bold);
    if (title_w + 2 * s.gap + step_w <= header_w) text.step_beside_w = step_w;
  }
  if (!text.step.empty() && text.step_beside_w == 0)
    text.step_lines = wrap_text(text.step, header_w, s.small_px, FontFace::Regular, f.measurer);
  if (!in.tree.prompt.empty()) {
    text.prompt = in.catalog.text(in.tree.prompt, f.lang, f.easy);
    text.prompt_lines = wrap_text(text.prompt, header_w, s.body_px, FontFace::Regular, f.measurer);
  }
  return text;
}

// Places the measured header, top down; only where the pad rises beside the prompt are
// lines wrapped again (the prompt's from there, and the step's), narrower. Without a
// list it only finds where the header ends.
Header place_header(const Frame& f, const HeaderText& text, Narrow narrow, DisplayList* list) {
  const Sizes& s = f.s;
  int header_w = f.right - f.left;
  int y = s.margin;
  auto put_text = [&](const std::vector<std::string>& lines, int px, FontFace face, ColorRole color) {
    const int h = static_cast<int>(lines.size()) * f.measurer.line_height(px, face);
    if (list) list->texts.push_back({{f.left, y, header_w, h}, lines, px, face, color, false});
    y += h;
  };
  if (text.step_beside_w > 0 && list) {
    // Bottom-aligned with the title's line, so both sit on about the same baseline.
    const int title_line = f.measurer.line_height(s.title_px, FontFace::Bold);
    list->texts.push_back({{f.right - text.step_beside_w, y + title_line - f.small_line, text.step_beside_w, f.small_line},
                           {text.step}, s.small_px, FontFace::Regular, ColorRole::MutedText, false});
  }
  put_text(text.title, s.title_px, FontFace::Bold, ColorRole::Accent);
  Header header{0, text.prompt, y};
  if (!text.prompt.empty()) {
    y += s.gap / 2;
    const std::vector<std::string>& lines = text.prompt_lines;
    const auto above = static_cast<std::size_t>(narrow.from_y < 0 ? lines.size()
                                                : std::max(0, (narrow.from_y - y) / f.body_line));
    if (above < lines.size()) {   // the rest wraps again, left of the pad
      std::string rest;
      for (std::size_t i = above; i < lines.size(); ++i) rest += (i > above && f.lang == "en" ? " " : "") + lines[i];
      if (above > 0) put_text({lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(above)}, s.body_px,
                              FontFace::Regular, ColorRole::MutedText);
      header_w = narrow.right - f.left;
      put_text(wrap_text(rest, header_w, s.body_px, FontFace::Regular, f.measurer), s.body_px, FontFace::Regular,
               ColorRole::MutedText);
    } else {
      put_text(lines, s.body_px, FontFace::Regular, ColorRole::MutedText);
    }
  }
  if (narrow.from_y >= 0) header_w = narrow.right - f.left;
  if (!text.step.empty() && text.step_beside_w == 0) {
    y += s.gap / 2;
    put_text(narrow.from_y >= 0 ? wrap_text(text.step, header_w, s.small_px, FontFace::Regular, f.measurer)
                                : text.step_lines,
             s.small_px, FontFace::Regular, ColorRole::MutedText);
  }
  header.bottom = y + s.gap;
  return header;
}

bool shows_pad(const LayoutInput& in) {
  return in.touch_bar &&
         std::any_of(in.tree.nodes.begin(), in.tree.nodes.end(), [](const Node& n) { return is_field(n.role); });
}

// 20 mm keys where there is room (the tactile pad's pitch), never under 15 mm (V5).
int pad_key_wanted(const Frame& f) {
  return std::max(f.body_line + 2 * f.s.gap, static_cast<int>(std::ceil(20.0 / f.metrics.pixel_pitch_mm)));
}

// The room the widest key label (删除) needs at the body size, with its gaps.
int pad_label_width(const Frame& f) {
  int label_w = 0;
  for (const PadKey& pad_key : kPad)
    label_w = std::max(label_w, f.measurer.width(f.in.catalog.text(pad_key.id, f.lang), f.s.body_px, FontFace::Regular));
  return label_w + 2 * f.s.gap;
}

// Keys as wide as their widest label, up to an eighth of the frame.
int pad_key_width(const Frame& f, int label_w, int key) {
  return std::min(std::max(key, label_w), std::max(key, f.metrics.width / 8));
}

// The side column's parts, sized once a frame: the on-screen pad (beside a field, with the
// touch bar) and the sign pane, a quarter of the frame, two fifths when large. The large
// pane gives way to the regular one where, with the pad beside it, the content would keep
// less than a third of the frame (a field screen at large sizes: a few characters a line
// otherwise).
struct SideColumn {
  bool pad = false;
  int label_w = 0;  // the widest key label with its gaps (measured once a frame)
  int pad_w = 0;    // the pad's three keys and their gaps at the wanted key size; 0 = no pad
  int pane_w = 0;   // the pane's width as asked for; 0 = no pane
};
SideColumn side_column(const Frame& f) {
  SideColumn side;
  side.pad = shows_pad(f.in);
  if (side.pad) {
    side.label_w = pad_label_width(f);
    side.pad_w = 3 * pad_key_width(f, side.label_w, pad_key_wanted(f)) + 3 * f.s.gap;
  }
  if (f.in.sign_pane) {
    const int large = f.metrics.width * 2 / 5;
    const bool large_fits = !side.pad || f.right - f.left - large - f.s.gap - side.pad_w >= f.metrics.width / 3;
    side.pane_w = f.in.settings.sign_large && large_fits ? large : f.metrics.width / 4;
  }
  return side;
}

// The least height a signer can be followed in: 15 % of the frame.
int pane_min_h(const Frame& f) { return (15 * f.metrics.height + 99) / 100; }

// Where the side column's parts stand, from its top down to `limit` (the footer's): the
// pane at the right, 16:9, smaller where the room is short; the pad left of it, as low as
// the room goes, keys as large as the room lets them be (never under 15 mm).
struct SidePlaces {
  std::optional<Rect> pane;
  std::optional<Rect> pad;
  int pad_gap = 0;
  int content_right = 0;   // where the content (or the prompt beside the column) ends
};
SidePlaces side_places(const Frame& f, const SideColumn& side, int side_top, int limit) {
  const Sizes& s = f.s;
  const int room = limit - side_top;
  SidePlaces places;
  places.content_right = f.right;
  if (f.in.sign_pane) {
    int pane_w = side.pane_w;
    int pane_h = pane_w * 9 / 16;
    if (pane_h > room) {
      pane_h = std::max(room, 0);
      pane_w = pane_h * 16 / 9;
    }
    places.pane = Rect{f.right - pane_w, side_top, pane_w, pane_h};
    places.content_right = places.pane->x - s.gap;
  }
  if (!side.pad) return places;
  const int key = std::clamp(pad_key_wanted(f), s.target_min, std::max(s.target_min, (room - 3 * s.gap) / 4));
  // Where even 15 mm keys with full gaps overrun the room (large text leaves little), the
  // gaps give way, down to a tenth of a key, so the bottom row stays above the footer.
  const int gap = std::clamp((room - 4 * key) / 3, std::max(2, key / 10), s.gap);
  const int key_w = pad_key_width(f, side.label_w, key);
  places.pad = Rect{places.content_right - 3 * key_w - 2 * gap, std::max(side_top, limit - 4 * key - 3 * gap),
                    3 * key_w + 2 * gap, 4 * key + 3 * gap};
  places.pad_gap = gap;
  places.content_right = places.pad->x - s.gap;
  return places;
}

// The header, the footer, and where the side column starts: the sign pane at the right
// and the on-screen pad left of it. They sit under the header; where that leaves too
// little room for 15 mm keys or a pane of 15 % of the height (a long prompt at 200 %),
// the caption keeps to one line, and if that is not enough the column rises beside the
// prompt, whose lines there wrap left of it, just as high as it needs: never beside the
// title, and for the pad never above the reach band.
// The header is measured once: the room is found from where it ends at the full width,
// and only a rising column wraps part of it again.
struct HeaderAndSide {
  Header header;
  SidePlaces side;
  Footer footer;   // its caption keeps to one line when the column needs the room
};
HeaderAndSide layout_header_and_side(const Frame& f, const SideColumn& side, const ReachBand& reach,
                                     DisplayList& list) {
  const HeaderText text = measure_header(f);
  const Header full = place_header(f, text, {}, nullptr);
  const int content_top = std::max(full.bottom, reach.top);
  const int pad_min_h = 4 * f.s.target_min + 3 * std::max(2, f.s.target_min / 10);
  const int side_min_h = std::max(side.pad ? pad_min_h : 0, side.pane_w > 0 ? pane_min_h(f) : 0);
  auto room = [&](const Footer& footer) { return footer.content_limit(true, f) - content_top; };
  auto under_header = [&](Footer footer) -> HeaderAndSide {
    SidePlaces places = side_places(f, side, content_top, footer.content_limit(true, f));
    return {place_header(f, text, {}, &list), std::move(places), std::move(footer)};
  };
  Footer footer = measure_footer(f, text.prompt, reach, false);
  if (room(footer) >= side_min_h) return under_header(std::move(footer));
  footer = measure_footer(f, text.prompt, reach, true);
  if (room(footer) >= side_min_h) return under_header(std::move(footer));
  // The column rises (above the content's top, see the checks above): beside it the
  // prompt ends where the content does, left of the parts as they stand.
  const int side_top = std::max({side.pad ? reach.top : 0, full.title_bottom + f.s.gap / 2,
                                 footer.content_limit(true, f) - side_min_h});
  SidePlaces places = side_places(f, side, side_top, footer.content_limit(true, f));
  const Header header = place_header(f, text, Narrow{side_top, places.content_right}, &list);
  return {header, std::move(places), std::move(footer)};
}

// A pane with nothing to sign for what is shown says so in words, so that a deaf
// resident does not wait for a signer who is not coming: the caption line has the text.
// The note is shown whole: at the screen's small size, else at the smallest size of
// all (80 %), else in its short form; only a pane too small even for that cuts it.
void place_pane_note(const Frame& f, const Rect& pane, DisplayList& list) {
  const int border = std::max(2, f.s.gap / 4);
  const int inset = f.s.gap;   // at the sides; above and below, just clear of the border
  const int w = pane.w - 2 * inset;
  const int room = pane.h - 4 * border;
  list.rects.push_back({pane, ColorRole::Border, border});
  const int least_px = sizes_for(80, f.metrics).small_px;
  const std::string full = f.in.catalog.text(Message::of("sign.no_clip"), f.lang, f.easy);
  const std::string brief = f.in.catalog.text(Message::of("sign.no_clip.short"), f.lang, f.easy);
  std::vector<std::string> lines;
  int px = 0;
  for (const auto& [text, size] : {std::pair{full, f.s.small_px}, {full, least_px}, {brief, least_px}}) {
    lines = wrap_text(text, w, size, FontFace::Regular, f.measurer);
    px = size;
    if (static_cast<int>(lines.size()) * f.measurer.line_height(px, FontFace::Regular) <= room) break;
  }
  const int line = f.measurer.line_height(px, FontFace::Regular);
  if (w <= 0 || room < line) return;
  limit_lines(lines, static_cast<std::size_t>(room / line), w, px, FontFace::Regular, f.measurer);
  const int h = static_cast<int>(lines.size()) * line;
  list.texts.push_back({{pane.x + inset, pane.y + (pane.h - h) / 2, w, h}, lines, px, FontFace::Regular,
                        ColorRole::MutedText, true});
}

// The sign pane sits at the right of the content area, below the header (or beside the
// prompt where the column rose), so the title keeps the full width; it ends above the
// footer even when the page turns (16:9, smaller when the content area is short, never
// under 15 % of the height) and the content never runs under it. The on-screen pad goes
// left of it, as low as the content goes, the most reachable place; keys at least 15 mm,
// larger with the text. Returns the content's right edge.
int place_panes(const Frame& f, const SidePlaces& places, ScreenLayout& out) {
  if (places.pane) {
    out.sign_pane = places.pane;
    out.list.videos.push_back({*places.pane, f.in.tree.screen_id});
    if (f.in.sign_pane_empty) place_pane_note(f, *places.pane, out.list);
  }
  if (places.pad) {
    out.pad = places.pad;
    out.pad_gap = places.pad_gap;
  }
  return places.content_right;
}

std::vector<Block> measure_blocks(const Frame& f, int width) {
  const Sizes& s = f.s;
  const int pad = s.gap;
  const int marker_w = f.measurer.width("▶ ", s.body_px, FontFace::Regular);
  std::vector<Block> blocks;
  for (const auto& node : f.in.tree.nodes) {
    const bool boxed = is_actionable(node.role);
    // Room for the focus marker is kept on every item, so focusing never re-wraps.
    const int text_w = width - 2 * pad - (boxed ? 2 * s.focus_thickness : 0) - marker_w;
    // A chosen answer or setting is marked by a shape as well as its colour (issue 12:
    // 1.1:1 between the faces in the default theme is no cue), in every theme.
    const std::string mark = node.state.selected ? std::string(kSelectedMark) : std::string();
    auto lines = wrap_text(mark + node_label(node, f.in.catalog, f.in.settings), text_w, s.body_px, FontFace::Regular,
                           f.measurer);
    // Plain text needs less air than a button: the font's line height already has
    // leading (about 0.3 em above a Han glyph), and the focus ring sits outside the
    // block, in the gap.
    const int vpad = boxed ? pad : pad / 4;
    int h = static_cast<int>(lines.size()) * f.body_line + 2 * vpad;
    if (boxed) h = std::max(h, s.target_min);
    blocks.push_back({&node, std::move(lines), h, vpad, boxed});
  }
  return blocks;
}

// Blocks go on a page while they fit. A block taller than the whole content area is
// cut between lines: its first piece fills what is left of the page, the next ones
// whole pages, so nothing runs past the page line into the footer.
class Paginator {
 public:
  Paginator(const Frame& f, const std::vector<Block>& blocks, int top, int limit)
      : m_f(f), m_blocks(blocks), m_room(limit - top) {}

  std::vector<std::vector<Piece>> run() {
    for (std::size_t i = 0; i < m_blocks.size(); ++i) {
      const Block& b = m_blocks[i];
      if (b.node->role == Role::Heading && !m_split.back().empty()) keep_with_next(i);
      if (b.height <= m_room || b.lines.size() < 2) place({i, 0, b.lines.size(), b.height});
      else cut(i);
    }
    return m_split;
  }

 private:
  int gap_before() const { return m_split.back().empty() ? 0 : m_f.s.gap; }
  int left_on_page() const { return m_room - m_used - gap_before(); }
  void new_page() {
    m_split.emplace_back();
    m_used = 0;
  }
  void place(Piece piece) {
    if (!m_split.back().empty() && piece.height > left_on_page()) new_page();
    m_used += piece.height + gap_before();
    m_split.back().push_back(piece);
  }
  // The least of a block worth starting at the foot of a page: two lines.
  int opening(const Block& b) const {
    return b.height <= m_room ? b.height : std::min(b.height, 2 * m_f.body_line + 2 * b.vpad);
  }
  // A heading stays with the text under it (an entitlement with where to claim it and
  // what to bring): when the group does not fit in what is left of this page, it
  // starts the next one, unless that would leave this page mostly empty; then, as for
  // a group longer than a page, the heading keeps at least the block after it.
  void keep_with_next(std::size_t i) {
    const Block& b = m_blocks[i];
    int group = b.height, first = b.height;
    for (std::size_t j = i + 1; j < m_blocks.size() && m_blocks[j].node->role != Role::Heading && !m_blocks[j].boxed; ++j) {
      group += m_f.s.gap + m_blocks[j].height;
      if (j == i + 1) first = b.height + m_f.s.gap + opening(m_blocks[j]);
    }
    const bool half_full = m_used * 2 >= m_room;
    if ((group <= m_room && half_full ? group : first) > left_on_page()) new_page();
  }
  void cut(std::size_t i) {
    const Block& b = m_blocks[i];
    for (std::size_t first = 0; first < b.lines.size();) {
      const std::size_t rest = b.lines.size() - first;
      auto fit = static_cast<std::size_t>(std::max(0, (left_on_page() - 2 * b.vpad) / m_f.body_line));
      if (fit < std::min<std::size_t>(2, rest) && !m_split.back().empty()) {
        new_page();
        continue;
      }
      const std::size_t count = std::clamp<std::size_t>(fit, 1, rest);
      int h = static_cast<int>(count) * m_f.body_line + 2 * b.vpad;
      if (b.boxed) h = std::max(h, m_f.s.target_min);
      m_used += h + gap_before();
      m_split.back().push_back({i, first, count, h});
      first += count;
      if (first < b.lines.size()) new_page();
    }
  }

  const Frame& m_f;
  const std::vector<Block>& m_blocks;
  const int m_room;
  std::vector<std::vector<Piece>> m_split = std::vector<std::vector<Piece>>(1);
  int m_used = 0;
};

void draw_page(const Frame& f, const std::vector<Block>& blocks, const std::vector<Piece>& page, const Rect& content,
               ScreenLayout& out) {
  const Sizes& s = f.s;
  const int pad = s.gap;
  const int marker_w = f.measurer.width("▶ ", s.body_px, FontFace::Regular);
  int y = content.y;
  for (const auto& piece : page) {
    const Block& b = blocks[piece.block];
    const Node& node = *b.node;
    const bool focused = node.id == f.in.focused;
    Rect box{content.x, y, content.w, piece.height};
    if (b.boxed) {
      out.list.rects.push_back({box, face_for(node, true), 0});
      out.list.rects.push_back({box, node.state.invalid ? ColorRole::Error : ColorRole::Border, 2});
      out.targets.push_back({node.id, box});
    }
    std::vector<std::string> lines(b.lines.begin() + static_cast<std::ptrdiff_t>(piece.first_line),
                                   b.lines.begin() + static_cast<std::ptrdiff_t>(piece.first_line + piece.line_count));
    if (focused && !lines.empty()) lines.front() = "▶ " + lines.front();   // shape change, not colour alone
    const int indent = focused ? 0 : marker_w;
    out.list.texts.push_back({{box.x + pad + indent + (b.boxed ? s.focus_thickness : 0), box.y + b.vpad,
                               box.w - 2 * pad - indent, box.h - 2 * b.vpad},
                              std::move(lines), s.body_px, FontFace::Regular, text_for(node, b.boxed), false});
    if (focused) {
      // The ring surrounds the item, outside it, inside the gap: never clipped, never
      // over a neighbour.
      const int t = s.focus_thickness;
      const int out_by = std::min(t, s.gap / 2);
      out.list.rects.push_back({{box.x - out_by, box.y - out_by, box.w + 2 * out_by, box.h + 2 * out_by}, ColorRole::Focus, t});
    }
    if (!b.boxed) out.targets.push_back({node.id, box});
    y += piece.height + s.gap;
  }
}

// The focus's page; for an item over several pages, the part asked for.
int page_of_focus(const ScreenLayout& out, const LayoutInput& in) {
  const int first = first_page_of(out, in.focused);
  if (first < 0) return 0;
  int last = first;
  while (last + 1 < static_cast<int>(out.pages.size()) && out.pages[static_cast<std::size_t>(last + 1)].front() == in.focused)
    ++last;
  return std::clamp(first + in.part, first, last);
}

}  // namespace

ScreenLayout layout_screen(const LayoutInput& in, const TextMeasurer& measurer, const LayoutMetrics& metrics) {
  const Sizes s = sizes_for(in.settings.zoom, metrics);
  const Frame f{in, measurer, metrics, s, in.settings.language, in.settings.easy_read,
                measurer.line_height(s.body_px, FontFace::Regular), measurer.line_height(s.small_px, FontFace::Regular),
                s.margin, metrics.width - s.margin};
  ScreenLayout out;
  out.body_px = s.body_px;
  out.focus_thickness = s.focus_thickness;
  out.list.width = metrics.width;
  out.list.height = metrics.height;
  out.list.blank = in.settings.curtain;
  out.list.rects.push_back({{0, 0, metrics.width, metrics.height}, ColorRole::Background, 0});

  // Every touch target sits in the reach zone: the content starts no higher than its top
  // (the title and prompt, which are only read, may be above it).
  const ReachBand reach = reach_band(metrics);
  const SideColumn side = side_column(f);
  auto [header, places, footer] = layout_header_and_side(f, side, reach, out.list);
  const int content_top = std::max(header.bottom, reach.top);
  const int width = place_panes(f, places, out) - f.left;

  // Measure every node, then split into pages. The page indicator's room is kept only
  // when the content needs more than one page.
  const std::vector<Block> blocks = measure_blocks(f, width);
  int content_bottom = footer.content_limit(false, f);
  auto pages = Paginator(f, blocks, content_top, content_bottom).run();
  const bool paged = pages.size() > 1;
  if (paged) {
    content_bottom = footer.content_limit(true, f);
    pages = Paginator(f, blocks, content_top, content_bottom).run();
  }
  for (const auto& page : pages) {
    out.pages.emplace_back();
    for (const auto& piece : page) out.pages.back().push_back(blocks[piece.block].node->id);
  }
  out.page = page_of_focus(out, in);
  out.content = {f.left, content_top, width, content_bottom - content_top};
  draw_page(f, blocks, pages[static_cast<std::size_t>(out.page)], out.content, out);

  if (out.pad) draw_pad(in, s, measurer, *out.pad, out.pad_gap, out);
  if (in.touch_bar)
    draw_touch_bar(in, s, measurer, s.margin, metrics.width - s.margin, footer.reach_bottom - footer.bar_h, footer.bar_h,
                   paged, out);
  draw_footer(f, footer, paged, pages.size(), out);
  return out;
}

int first_page_of(const ScreenLayout& layout, const std::string& node_id) {
  for (std::size_t p = 0; p < layout.pages.size(); ++p)
    for (const auto& id : layout.pages[p])
      if (id == node_id) return static_cast<int>(p);
  return -1;
}

}  // namespace kiosk::core
