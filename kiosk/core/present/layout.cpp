// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/layout.h"

#include <algorithm>
#include <cmath>
#include <iterator>

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

}  // namespace

namespace {
// Draws the touch bar in [left, right) at `top`, `height` high: five slots, labels at
// the body size or smaller (never under the small print) so each fits its slot.
void draw_touch_bar(const LayoutInput& in, const Sizes& s, const TextMeasurer& measurer, int left, int right, int top,
                    int height, bool paged, ScreenLayout& out) {
  constexpr int kSlots = static_cast<int>(std::size(kTouchBar));
  const int slot_w = (right - left - (kSlots - 1) * s.gap) / kSlots;
  int px = s.body_px;
  auto widest = [&](int size) {
    int w = 0;
    for (const char* id : kTouchBar) w = std::max(w, measurer.width(in.catalog.text(id, in.settings.language), size, FontFace::Regular));
    return w;
  };
  while (px > s.small_px && widest(px) > slot_w - 2 * s.gap) px -= 2;
  const int line = measurer.line_height(px, FontFace::Regular);
  for (int i = 0; i < kSlots; ++i) {
    const std::string id = kTouchBar[i];
    if (!paged && (id == "bar.prev_page" || id == "bar.next_page")) continue;
    const Rect box{left + i * (slot_w + s.gap), top, slot_w, height};
    out.list.rects.push_back({box, ColorRole::ButtonFace, 0});
    out.list.rects.push_back({box, ColorRole::Border, 2});
    const std::string label = in.catalog.text(id, in.settings.language);
    const int w = std::min(measurer.width(label, px, FontFace::Regular), box.w - 2 * s.gap);
    out.list.texts.push_back({{box.x + (box.w - w) / 2, box.y + (box.h - line) / 2, w, line}, {label}, px,
                              FontFace::Regular, ColorRole::ButtonText, false});
    out.targets.push_back({id, box});
  }
}
}  // namespace

std::optional<FieldInput> pad_input(const std::string& id) {
  for (const PadKey& key : kPad)
    if (id == key.id) return key.input;
  return std::nullopt;
}

namespace {
// Draws the pad's 3 x 4 keys in `area` (exactly 3 keys and 2 gaps wide, 4 and 3 high).
void draw_pad(const LayoutInput& in, const Sizes& s, const TextMeasurer& measurer, const Rect& area, ScreenLayout& out) {
  const int key_w = (area.w - 2 * s.gap) / 3, key_h = (area.h - 3 * s.gap) / 4;
  for (int i = 0; i < static_cast<int>(std::size(kPad)); ++i) {
    const Rect box{area.x + (i % 3) * (key_w + s.gap), area.y + (i / 3) * (key_h + s.gap), key_w, key_h};
    out.list.rects.push_back({box, ColorRole::ButtonFace, 0});
    out.list.rects.push_back({box, ColorRole::Border, 2});
    const std::string label = in.catalog.text(kPad[i].id, in.settings.language);
    // The body size, smaller (never under the small print) where a label would not fit.
    int px = s.body_px;
    while (px > s.small_px && (measurer.width(label, px, FontFace::Regular) > box.w - s.gap ||
                               measurer.line_height(px, FontFace::Regular) > box.h))
      px -= 2;
    const int line = measurer.line_height(px, FontFace::Regular);
    const int w = std::min(measurer.width(label, px, FontFace::Regular), box.w - s.gap);
    out.list.texts.push_back({{box.x + (box.w - w) / 2, box.y + (box.h - line) / 2, w, line}, {label}, px,
                              FontFace::Regular, ColorRole::ButtonText, false});
    out.targets.push_back({kPad[i].id, box});
  }
}
}  // namespace

ScreenLayout layout_screen(const LayoutInput& in, const TextMeasurer& measurer,
                           const LayoutMetrics& metrics) {
  ScreenLayout out;
  const Sizes s = sizes_for(in.settings.zoom, metrics);
  out.body_px = s.body_px;
  out.focus_thickness = s.focus_thickness;
  DisplayList& list = out.list;
  list.width = metrics.width;
  list.height = metrics.height;
  list.blank = in.settings.curtain;
  list.rects.push_back({{0, 0, metrics.width, metrics.height}, ColorRole::Background, 0});
  const std::string& lang = in.settings.language;
  const bool easy = in.settings.easy_read;
  const int body_line = measurer.line_height(s.body_px, FontFace::Regular);
  const int small_line = measurer.line_height(s.small_px, FontFace::Regular);

  const int left = s.margin;
  const int right = metrics.width - s.margin;
  const int header_w = right - left;

  // Header: title, prompt, step. The step ("第2步，共6步") goes at the right end of a
  // one-line title when it fits there, which saves a whole line at large sizes.
  int y = s.margin;
  auto put_text = [&](std::vector<std::string> lines, int px, FontFace face, ColorRole color, int x0, int w) {
    const int h = static_cast<int>(lines.size()) * measurer.line_height(px, face);
    list.texts.push_back({{x0, y, w, h}, std::move(lines), px, face, color, false});
    y += h;
  };
  const std::string title = in.catalog.text(in.tree.title, lang, easy);
  auto title_lines = wrap_text(title, header_w, s.title_px, FontFace::Bold, measurer);
  std::string step_text;
  if (in.tree.steps > 0)
    step_text = in.catalog.text(Message::of("flow.step").arg("step", std::to_string(in.tree.step))
                                    .arg("steps", std::to_string(in.tree.steps)), lang);
  const int title_line = measurer.line_height(s.title_px, FontFace::Bold);
  if (!step_text.empty() && title_lines.size() == 1) {
    const int step_w = measurer.width(step_text, s.small_px, FontFace::Regular);
    const int title_w = measurer.width(title_lines.front(), s.title_px, FontFace::Bold);
    if (title_w + 2 * s.gap + step_w <= header_w) {
      // Bottom-aligned with the title's line, so both sit on about the same baseline.
      list.texts.push_back({{right - step_w, y + title_line - small_line, step_w, small_line}, {step_text},
                            s.small_px, FontFace::Regular, ColorRole::MutedText, false});
      step_text.clear();
    }
  }
  put_text(std::move(title_lines), s.title_px, FontFace::Bold, ColorRole::Accent, left, header_w);
  const std::string prompt = in.tree.prompt.empty() ? std::string() : in.catalog.text(in.tree.prompt, lang, easy);
  if (!prompt.empty()) {
    y += s.gap / 2;
    put_text(wrap_text(prompt, header_w, s.body_px, FontFace::Regular, measurer),
             s.body_px, FontFace::Regular, ColorRole::MutedText, left, header_w);
  }
  if (!step_text.empty()) {
    y += s.gap / 2;
    put_text(wrap_text(step_text, header_w, s.small_px, FontFace::Regular, measurer), s.small_px, FontFace::Regular,
             ColorRole::MutedText, left, header_w);
  }
  y += s.gap;
  // Every touch target sits in the reach zone: the content starts no higher than its top
  // (the title and prompt, which are only read, may be above it).
  const ReachBand reach = reach_band(metrics);
  const int content_top = std::max(y, reach.top);

  // Footer, bottom up: a bottom row (the braille mirror at the left, the page indicator
  // at the right), then the caption, then the status line. A row is drawn only when it
  // has something to show. The mirror is for sighted staff, so it keeps one small fixed
  // size whatever the resident's zoom; the caption echoes speech and takes at most two
  // lines and about 15 % of the height (starting with "…"), so at 200 % the page's own
  // content keeps most of the screen. The status line (alerts) is never shortened.
  const int footer_w = metrics.width - 2 * s.margin - 2 * s.gap;
  struct FooterRow {
    std::vector<std::string> lines;
    int px;
    FontFace face;
    ColorRole face_color, text_color;
  };
  std::vector<FooterRow> rows;   // bottom up
  const std::string status_text = in.status ? in.catalog.text(in.status->text, lang, easy) : std::string();
  // An alert is spoken too: its caption would only repeat the status line above it.
  if (!in.caption.empty() && in.caption != status_text) {
    const auto most = static_cast<std::size_t>(std::clamp(metrics.height * 15 / 100 / body_line, 1, 2));
    // Like live captions, the newest words stay: speech ends with the focused item,
    // while the title and prompt it starts with are on the screen already.
    auto lines = wrap_text(in.caption, footer_w, s.body_px, FontFace::Regular, measurer);
    if (lines.size() > most) {
      // Too long: the focused item's name first (issue 12: at 200 % the tail alone lost
      // it), then what follows it as room allows; without a name, the newest words.
      const Node* node = in.tree.find(in.focused);
      const std::string name = node ? in.catalog.text(easy && !node->easy_read.empty() ? node->easy_read : node->name,
                                                      lang, easy)
                                    : std::string();
      const auto at = name.empty() ? std::string::npos : in.caption.rfind(name);
      if (at != std::string::npos) {
        lines = wrap_text((at > 0 ? "…" : "") + in.caption.substr(at), footer_w, s.body_px, FontFace::Regular, measurer);
        limit_lines(lines, most, footer_w, s.body_px, FontFace::Regular, measurer);
      } else {
        lines = wrap_tail(in.caption, most, footer_w, s.body_px, FontFace::Regular, measurer);
      }
    }
    rows.push_back({std::move(lines), s.body_px, FontFace::Regular, ColorRole::CaptionFace, ColorRole::CaptionText});
  }
  // An alert that says what the prompt under the title says already (the timeout
  // warning) would only take the page's room twice.
  if (in.status && status_text != prompt) {
    const bool bad = in.status->code.find("invalid") != std::string::npos ||
                     in.status->code.find("failed") != std::string::npos;
    rows.push_back({wrap_text(status_text, footer_w, s.body_px, FontFace::Bold, measurer), s.body_px, FontFace::Bold,
                    bad ? ColorRole::Error : ColorRole::Background, bad ? ColorRole::ErrorText : ColorRole::Text});
  }
  // A filled row needs little padding: the font's line height already has leading.
  const int row_pad = s.gap / 2;
  int rows_h = 0;
  for (const auto& row : rows)
    rows_h += static_cast<int>(row.lines.size()) * measurer.line_height(row.px, row.face) + row_pad + s.gap / 2;
  const auto mirror = in.braille_cells.empty()
                          ? std::vector<std::string>{}
                          : wrap_text(in.braille_cells, footer_w, s.staff_px, FontFace::Braille, measurer);
  const int mirror_h = static_cast<int>(mirror.size()) * measurer.line_height(s.staff_px, FontFace::Braille);
  int mirror_w = 0;
  for (const auto& line : mirror) mirror_w = std::max(mirror_w, measurer.width(line, s.staff_px, FontFace::Braille));
  auto indicator_text = [&](std::size_t page, std::size_t count) {
    return in.catalog.text(Message::of("layout.page").arg("page", std::to_string(page))
                               .arg("pages", std::to_string(count)), lang);
  };
  // Widest the indicator can get: a page count of two digits (more than the nodes when
  // a tall item is split over pages).
  const std::size_t most_pages = std::max<std::size_t>(in.tree.nodes.size(), 99);
  const int indicator_w = measurer.width(indicator_text(most_pages, most_pages),
                                         s.small_px, FontFace::Regular);
  const bool side_by_side = mirror_w + 2 * s.gap + indicator_w <= footer_w;
  auto bottom_row_h = [&](bool paged) {
    if (!paged) return mirror_h;
    return side_by_side ? std::max(mirror_h, small_line) : mirror_h + small_line;
  };
  // Where the content must end: the focus ring reaches gap/2 below the last block.
  // The touch bar takes the foot of the screen; the footer sits above it.
  const int bar_h = std::max(s.target_min, body_line + s.gap);
  const int reach_bottom = std::min(metrics.height - s.margin, reach.bottom);
  const int frame_bottom = reach_bottom - (in.touch_bar ? bar_h + s.gap : 0);
  auto content_limit = [&](bool paged) {
    const int row = bottom_row_h(paged);
    const int footer_h = (row > 0 ? row + s.gap / 2 : 0) + rows_h;
    return frame_bottom - footer_h - (footer_h > 0 ? s.gap / 2 : 0) - s.gap / 2;
  };

  // The sign pane sits at the right of the content area, below the header, so the title
  // and prompt keep the full width; it ends above the footer even when the page turns
  // (16:9, smaller when the content area is short) and the content never runs under it.
  int content_right = right;
  if (in.sign_pane) {
    int pane_w = in.settings.sign_large ? metrics.width * 2 / 5 : metrics.width / 4;
    int pane_h = pane_w * 9 / 16;
    const int room = content_limit(true) - content_top;
    if (pane_h > room) {
      pane_h = std::max(room, 0);
      pane_w = pane_h * 16 / 9;
    }
    const Rect pane{right - pane_w, content_top, pane_w, pane_h};
    out.sign_pane = pane;
    list.videos.push_back({pane, in.tree.screen_id});
    content_right = pane.x - s.gap;
  }
  // The on-screen pad: right of the content (left of the sign pane), as low as the
  // content goes, the most reachable place; keys at least 15 mm, larger with the text.
  const bool has_field = std::any_of(in.tree.nodes.begin(), in.tree.nodes.end(), [](const Node& n) { return is_field(n.role); });
  if (has_field && in.touch_bar) {
    const int room = content_limit(true) - content_top;
    // 20 mm keys where there is room (the tactile pad's pitch), never under 15 mm (V5).
    const int wanted = std::max(body_line + 2 * s.gap, static_cast<int>(std::ceil(20.0 / metrics.pixel_pitch_mm)));
    const int key = std::clamp(wanted, s.target_min, std::max(s.target_min, (room - 3 * s.gap) / 4));
    // Keys as wide as their widest label (删除) at the body size, up to an eighth of the frame.
    int key_w = key;
    for (const PadKey& pad_key : kPad)
      key_w = std::max(key_w, measurer.width(in.catalog.text(pad_key.id, lang), s.body_px, FontFace::Regular) + 2 * s.gap);
    key_w = std::min(key_w, std::max(key, metrics.width / 8));
    const Rect area{content_right - 3 * key_w - 2 * s.gap, std::max(content_top, content_limit(true) - 4 * key - 3 * s.gap),
                    3 * key_w + 2 * s.gap, 4 * key + 3 * s.gap};
    out.pad = area;
    content_right = area.x - s.gap;
  }
  const int width = content_right - left;

  // Measure every node, then split into pages.
  const int pad = s.gap;
  const int marker_w = measurer.width("▶ ", s.body_px, FontFace::Regular);
  std::vector<Block> blocks;
  for (const auto& node : in.tree.nodes) {
    const bool boxed = is_actionable(node.role);
    // Room for the focus marker is kept on every item, so focusing never re-wraps.
    const int text_w = width - 2 * pad - (boxed ? 2 * s.focus_thickness : 0) - marker_w;
    // A chosen answer or setting is marked by a shape as well as its colour (issue 12:
    // 1.1:1 between the faces in the default theme is no cue), in every theme.
    const std::string mark = node.state.selected ? std::string(kSelectedMark) : std::string();
    auto lines = wrap_text(mark + node_label(node, in.catalog, in.settings), text_w, s.body_px, FontFace::Regular, measurer);
    // Plain text needs less air than a button: the font's line height already has
    // leading (about 0.3 em above a Han glyph), and the focus ring sits outside the
    // block, in the gap.
    const int vpad = boxed ? pad : pad / 4;
    int h = static_cast<int>(lines.size()) * body_line + 2 * vpad;
    if (boxed) h = std::max(h, s.target_min);
    blocks.push_back({&node, std::move(lines), h, vpad, boxed});
  }
  // Blocks go on a page while they fit. A block taller than the whole content area is
  // cut between lines: its first piece fills what is left of the page, the next ones
  // whole pages, so nothing runs past the page line into the footer.
  auto paginate = [&](int limit) {
    std::vector<std::vector<Piece>> split(1);
    int used = 0;
    auto new_page = [&] {
      split.emplace_back();
      used = 0;
    };
    auto left_on_page = [&] { return limit - content_top - used - (split.back().empty() ? 0 : s.gap); };
    auto place = [&](Piece piece) {
      if (!split.back().empty() && piece.height > left_on_page()) new_page();
      used += piece.height + (split.back().empty() ? 0 : s.gap);
      split.back().push_back(piece);
    };
    const int room = limit - content_top;
    // The least of a block worth starting at the foot of a page: two lines.
    auto opening = [&](const Block& b) {
      return b.height <= room ? b.height : std::min(b.height, 2 * body_line + 2 * b.vpad);
    };
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& b = blocks[i];
      // A heading stays with the text under it (an entitlement with where to claim it and
      // what to bring): when the group does not fit in what is left of this page, it
      // starts the next one, unless that would leave this page mostly empty; then, as for
      // a group longer than a page, the heading keeps at least the block after it.
      if (b.node->role == Role::Heading && !split.back().empty()) {
        int group = b.height, first = b.height;
        for (std::size_t j = i + 1; j < blocks.size() && blocks[j].node->role != Role::Heading && !blocks[j].boxed; ++j) {
          group += s.gap + blocks[j].height;
          if (j == i + 1) first = b.height + s.gap + opening(blocks[j]);
        }
        const bool half_full = used * 2 >= room;
        if ((group <= room && half_full ? group : first) > left_on_page()) new_page();
      }
      if (b.height <= room || b.lines.size() < 2) {
        place({i, 0, b.lines.size(), b.height});
        continue;
      }
      for (std::size_t first = 0; first < b.lines.size();) {
        const std::size_t rest = b.lines.size() - first;
        auto fit = static_cast<std::size_t>(std::max(0, (left_on_page() - 2 * b.vpad) / body_line));
        if (fit < std::min<std::size_t>(2, rest) && !split.back().empty()) {
          new_page();
          continue;
        }
        const std::size_t count = std::clamp<std::size_t>(fit, 1, rest);
        int h = static_cast<int>(count) * body_line + 2 * b.vpad;
        if (b.boxed) h = std::max(h, s.target_min);
        used += h + (split.back().empty() ? 0 : s.gap);
        split.back().push_back({i, first, count, h});
        first += count;
        if (first < b.lines.size()) new_page();
      }
    }
    return split;
  };
  // The page indicator's room is kept only when the content needs more than one page.
  int content_bottom = content_limit(false);
  auto pages = paginate(content_bottom);
  const bool paged = pages.size() > 1;
  if (paged) {
    content_bottom = content_limit(true);
    pages = paginate(content_bottom);
  }
  for (const auto& page : pages) {
    out.pages.emplace_back();
    for (const auto& piece : page) out.pages.back().push_back(blocks[piece.block].node->id);
  }
  // The focus's page; for an item over several pages, the part asked for.
  if (const int first = first_page_of(out, in.focused); first >= 0) {
    int last = first;
    while (last + 1 < static_cast<int>(out.pages.size()) && out.pages[static_cast<std::size_t>(last + 1)].front() == in.focused)
      ++last;
    out.page = std::clamp(first + in.part, first, last);
  }

  y = content_top;
  const auto& page = pages[static_cast<std::size_t>(out.page)];
  for (const auto& piece : page) {
    const Block& b = blocks[piece.block];
    const Node& node = *b.node;
    const bool focused = node.id == in.focused;
    Rect box{left, y, width, piece.height};
    if (b.boxed) {
      list.rects.push_back({box, face_for(node, true), 0});
      list.rects.push_back({box, node.state.invalid ? ColorRole::Error : ColorRole::Border, 2});
      out.targets.push_back({node.id, box});
    }
    std::vector<std::string> lines(b.lines.begin() + static_cast<std::ptrdiff_t>(piece.first_line),
                                   b.lines.begin() + static_cast<std::ptrdiff_t>(piece.first_line + piece.line_count));
    if (focused && !lines.empty()) lines.front() = "▶ " + lines.front();   // shape change, not colour alone
    const int indent = focused ? 0 : marker_w;
    list.texts.push_back({{box.x + pad + indent + (b.boxed ? s.focus_thickness : 0), box.y + b.vpad, box.w - 2 * pad - indent, box.h - 2 * b.vpad},
                          std::move(lines), s.body_px, FontFace::Regular,
                          text_for(node, b.boxed), false});
    if (focused) {
      // The ring surrounds the item, outside it, inside the gap: never clipped, never
      // over a neighbour.
      const int t = s.focus_thickness;
      const int out_by = std::min(t, s.gap / 2);
      list.rects.push_back({{box.x - out_by, box.y - out_by, box.w + 2 * out_by, box.h + 2 * out_by}, ColorRole::Focus, t});
    }
    if (!b.boxed) out.targets.push_back({node.id, box});
    y += piece.height + s.gap;
  }
  out.content = {left, content_top, width, content_bottom - content_top};

  if (out.pad) draw_pad(in, s, measurer, *out.pad, out);
  if (in.touch_bar)
    draw_touch_bar(in, s, measurer, s.margin, metrics.width - s.margin, reach_bottom - bar_h, bar_h, paged, out);
  int bottom = frame_bottom;
  if (const int row_h = bottom_row_h(paged); row_h > 0) {
    const int row_top = bottom - row_h;
    if (!mirror.empty())
      list.texts.push_back({{s.margin + s.gap, paged && !side_by_side ? row_top : bottom - mirror_h, footer_w, mirror_h},
                            mirror, s.staff_px,
                            FontFace::Braille, ColorRole::MutedText, false});
    if (paged) {
      std::string indicator = indicator_text(static_cast<std::size_t>(out.page + 1), pages.size());
      const int w = measurer.width(indicator, s.small_px, FontFace::Regular);
      // Right-aligned beside the mirror, or on a line of its own under it.
      const Rect box = side_by_side ? Rect{s.margin + s.gap + footer_w - w, bottom - small_line, w, small_line}
                                    : Rect{s.margin + s.gap, bottom - small_line, footer_w, small_line};
      list.texts.push_back({box, {std::move(indicator)}, s.small_px, FontFace::Regular, ColorRole::MutedText, false});
    }
    bottom = row_top - s.gap / 2;
  }
  for (auto& row : rows) {
    if (&row == &rows.back()) {
      // A rule above the footer: in the high-contrast themes the caption's face is the
      // background, and without it the caption would read as one more item.
      const int rule_y = bottom - static_cast<int>(row.lines.size()) * measurer.line_height(row.px, row.face) -
                         row_pad - s.gap / 4 - 1;
      list.rects.push_back({{s.margin, rule_y, metrics.width - 2 * s.margin, 2}, ColorRole::Border, 0});
    }
    const int h = static_cast<int>(row.lines.size()) * measurer.line_height(row.px, row.face) + row_pad;
    bottom -= h;
    list.rects.push_back({{s.margin, bottom, metrics.width - 2 * s.margin, h}, row.face_color, 0});
    list.texts.push_back({{s.margin + s.gap, bottom + row_pad / 2, footer_w, h - row_pad}, std::move(row.lines), row.px,
                          row.face, row.text_color, false});
    bottom -= s.gap / 2;
  }
  return out;
}

int first_page_of(const ScreenLayout& layout, const std::string& node_id) {
  for (std::size_t p = 0; p < layout.pages.size(); ++p)
    for (const auto& id : layout.pages[p])
      if (id == node_id) return static_cast<int>(p);
  return -1;
}


}  // namespace kiosk::core
