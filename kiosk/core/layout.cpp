#include "kiosk/core/layout.h"

#include <algorithm>
#include <cmath>

#include "kiosk/core/text_wrap.h"

namespace kiosk::core {

Sizes sizes_for(int zoom_percent, const LayoutMetrics& metrics) {
  const double px_per_mm = 1.0 / metrics.pixel_pitch_mm;
  const double zoom = zoom_percent / 100.0;
  Sizes s{};
  // Cap height 6.1 mm at 100 % (ACCESSIBILITY.md V1); font px = cap / 0.733.
  s.body_px = font_px_for_cap_height(static_cast<int>(std::ceil(6.1 * zoom * px_per_mm)));
  s.title_px = static_cast<int>(std::lround(s.body_px * 1.3));
  // Nothing under 4.8 mm cap height, even the small print at 80 %.
  s.small_px = std::max(font_px_for_cap_height(static_cast<int>(std::ceil(4.8 * px_per_mm))),
                        static_cast<int>(std::lround(s.body_px * 0.8)));
  s.margin = static_cast<int>(std::lround(s.body_px * 0.75));
  s.gap = std::max(static_cast<int>(std::ceil(3.0 * px_per_mm)), static_cast<int>(std::lround(s.body_px * 0.4)));
  s.target_min = static_cast<int>(std::ceil(15.0 * px_per_mm));
  s.focus_thickness = std::max(static_cast<int>(std::ceil(1.0 * px_per_mm)), static_cast<int>(std::lround(s.body_px * 0.15)));
  return s;
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
  return label;
}

namespace {

struct Block {
  const Node* node;
  std::vector<std::string> lines;
  int height;
  bool boxed;
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

  // The sign pane sits at the right edge and the content never runs under it.
  int right = metrics.width - s.margin;
  if (in.sign_pane) {
    const int pane_w = in.settings.sign_large ? metrics.width * 2 / 5 : metrics.width / 4;
    const int pane_h = pane_w * 9 / 16;
    Rect pane{metrics.width - s.margin - pane_w, s.margin, pane_w, pane_h};
    out.sign_pane = pane;
    list.videos.push_back({pane, in.tree.screen_id});
    right = pane.x - s.gap;
  }
  const int left = s.margin;
  const int width = right - left;

  // Header: title and prompt.
  int y = s.margin;
  auto put_text = [&](const std::string& text, int px, FontFace face, ColorRole color, int x0, int w) {
    auto lines = wrap_text(text, w, px, face, measurer);
    const int line_h = measurer.line_height(px, face);
    const int h = static_cast<int>(lines.size()) * line_h;
    list.texts.push_back({{x0, y, w, h}, std::move(lines), px, face, color, false});
    y += h;
  };
  put_text(in.catalog.text(in.tree.title, lang, easy), s.title_px, FontFace::Bold, ColorRole::Accent, left, width);
  if (!in.tree.prompt.empty()) {
    y += s.gap / 2;
    put_text(in.catalog.text(in.tree.prompt, lang, easy), s.body_px, FontFace::Regular, ColorRole::MutedText, left, width);
  }
  if (in.tree.steps > 0) {
    y += s.gap / 2;
    put_text(in.catalog.text(Message::of("flow.step").arg("step", std::to_string(in.tree.step))
                                 .arg("steps", std::to_string(in.tree.steps)), lang),
             s.small_px, FontFace::Regular, ColorRole::MutedText, left, width);
  }
  if (in.sign_pane && out.sign_pane) y = std::max(y, s.margin);
  y += s.gap;
  const int content_top = y;

  // Footer, bottom up: braille mirror, caption, status, page indicator.
  int bottom = metrics.height - s.margin;
  auto put_footer = [&](const std::string& text, int px, FontFace face, ColorRole face_color, ColorRole text_color) {
    if (text.empty()) return;
    auto lines = wrap_text(text, metrics.width - 2 * s.margin - 2 * s.gap, px, face, measurer);
    const int h = static_cast<int>(lines.size()) * measurer.line_height(px, face) + s.gap;
    bottom -= h;
    list.rects.push_back({{s.margin, bottom, metrics.width - 2 * s.margin, h}, face_color, 0});
    list.texts.push_back({{s.margin + s.gap, bottom + s.gap / 2, metrics.width - 2 * s.margin - 2 * s.gap, h - s.gap},
                          std::move(lines), px, face, text_color, false});
    bottom -= s.gap / 2;
  };
  put_footer(in.braille_cells, s.small_px, FontFace::Braille, ColorRole::Background, ColorRole::MutedText);
  put_footer(in.caption, s.body_px, FontFace::Regular, ColorRole::CaptionFace, ColorRole::CaptionText);
  if (in.status)
    put_footer(in.catalog.text(in.status->text, lang, easy), s.body_px, FontFace::Bold,
               in.status->code.find("invalid") != std::string::npos || in.status->code.find("failed") != std::string::npos
                   ? ColorRole::Error : ColorRole::Background,
               in.status->code.find("invalid") != std::string::npos || in.status->code.find("failed") != std::string::npos
                   ? ColorRole::ErrorText : ColorRole::Text);
  const int page_line_h = small_line + s.gap;
  const int content_bottom = bottom - page_line_h;
  (void)body_line;

  // Measure every node, then split into pages.
  const int pad = s.gap;
  const int marker_w = measurer.width("▶ ", s.body_px, FontFace::Regular);
  std::vector<Block> blocks;
  for (const auto& node : in.tree.nodes) {
    const bool boxed = is_actionable(node.role);
    // Room for the focus marker is kept on every item, so focusing never re-wraps.
    const int text_w = width - 2 * pad - (boxed ? 2 * s.focus_thickness : 0) - marker_w;
    auto lines = wrap_text(node_label(node, in.catalog, in.settings), text_w, s.body_px, FontFace::Regular, measurer);
    int h = static_cast<int>(lines.size()) * measurer.line_height(s.body_px, FontFace::Regular) + 2 * pad;
    if (boxed) h = std::max(h, s.target_min);
    blocks.push_back({&node, std::move(lines), h, boxed});
  }
  std::vector<std::vector<std::size_t>> pages(1);
  int used = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const int need = blocks[i].height + (pages.back().empty() ? 0 : s.gap);
    if (!pages.back().empty() && content_top + used + need > content_bottom) {
      pages.emplace_back();
      used = 0;
    }
    used += blocks[i].height + (pages.back().empty() ? 0 : s.gap);
    pages.back().push_back(i);
  }
  for (const auto& page : pages) {
    out.pages.emplace_back();
    for (auto i : page) out.pages.back().push_back(blocks[i].node->id);
  }
  for (std::size_t p = 0; p < pages.size(); ++p)
    for (auto i : pages[p])
      if (blocks[i].node->id == in.focused) out.page = static_cast<int>(p);

  y = content_top;
  const auto& page = pages[static_cast<std::size_t>(out.page)];
  for (auto i : page) {
    const Block& b = blocks[i];
    const Node& node = *b.node;
    const bool focused = node.id == in.focused;
    Rect box{left, y, width, b.height};
    if (b.boxed) {
      list.rects.push_back({box, face_for(node, true), 0});
      list.rects.push_back({box, node.state.invalid ? ColorRole::Error : ColorRole::Border, 2});
      out.targets.push_back({node.id, box});
    }
    std::vector<std::string> lines = b.lines;
    if (focused && !lines.empty()) lines.front() = "▶ " + lines.front();   // shape change, not colour alone
    const int indent = focused ? 0 : marker_w;
    list.texts.push_back({{box.x + pad + indent + (b.boxed ? s.focus_thickness : 0), box.y + pad, box.w - 2 * pad - indent, box.h - 2 * pad},
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
    y += b.height + s.gap;
  }
  out.content = {left, content_top, width, content_bottom - content_top};
  if (pages.size() > 1) {
    const std::string indicator = in.catalog.text(Message::of("layout.page")
                                                      .arg("page", std::to_string(out.page + 1))
                                                      .arg("pages", std::to_string(pages.size())), lang);
    list.texts.push_back({{left, content_bottom + s.gap / 2, width, small_line}, {indicator}, s.small_px,
                          FontFace::Regular, ColorRole::MutedText, false});
  }
  return out;
}

}  // namespace kiosk::core
