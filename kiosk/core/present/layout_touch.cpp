// SPDX-License-Identifier: GPL-3.0-or-later
// The layout's touch targets of its own: the touch bar at the foot of a visit's screens and
// the on-screen pad beside a field (layout.h kTouchBar, kPad).
#include "kiosk/core/present/layout_touch.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace kiosk::core {

// Draws the touch bar in [left, right) at `top`, `height` high: five slots, each as wide
// as its label needs and the room left shared out evenly, labels at the body size or
// smaller (never under the small print) so that all five fit on one line.
void draw_touch_bar(const LayoutInput& in, const Sizes& s, const TextMeasurer& measurer, int left, int right, int top,
                    int height, bool paged, ScreenLayout& out) {
  constexpr int kSlots = static_cast<int>(std::size(kTouchBar));
  const int row_w = right - left - (kSlots - 1) * s.gap;
  std::array<std::string, kSlots> labels;
  for (int i = 0; i < kSlots; ++i) labels[static_cast<std::size_t>(i)] = in.catalog.text(kTouchBar[i], in.settings.language);
  std::array<int, kSlots> label_w{};
  auto measure = [&](int size) {
    int total = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      label_w[i] = measurer.width(labels[i], size, FontFace::Regular);
      total += std::max(label_w[i] + 2 * s.gap, s.target_min);
    }
    return total;
  };
  int px = s.body_px;
  while (px > s.small_px && measure(px) > row_w) px -= 2;
  const int share = std::max(0, row_w - measure(px)) / kSlots;
  const int line = measurer.line_height(px, FontFace::Regular);
  int x = left;
  for (int i = 0; i < kSlots; ++i) {
    const auto k = static_cast<std::size_t>(i);
    const std::string id = kTouchBar[i];
    const Rect box{x, top, std::max(label_w[k] + 2 * s.gap, s.target_min) + share, height};
    x += box.w + s.gap;
    if (!paged && (id == "bar.prev_page" || id == "bar.next_page")) continue;   // their places stay
    out.list.rects.push_back({box, ColorRole::ButtonFace, 0});
    out.list.rects.push_back({box, ColorRole::Border, 2});
    const int w = std::min(label_w[k], box.w - 2 * s.gap);
    out.list.texts.push_back({{box.x + (box.w - w) / 2, box.y + (box.h - line) / 2, w, line}, {labels[k]}, px,
                              FontFace::Regular, ColorRole::ButtonText, false});
    out.targets.push_back({id, box});
  }
}
std::optional<FieldInput> pad_input(const std::string& id) {
  for (const PadKey& key : kPad)
    if (id == key.id) return key.input;
  return std::nullopt;
}

// Draws the pad's 3 x 4 keys in `area` (exactly 3 keys and 2 gaps wide, 4 and 3 high).
void draw_pad(const LayoutInput& in, const Sizes& s, const TextMeasurer& measurer, const Rect& area, int gap,
              ScreenLayout& out) {
  const int key_w = (area.w - 2 * gap) / 3, key_h = (area.h - 3 * gap) / 4;
  for (int i = 0; i < static_cast<int>(std::size(kPad)); ++i) {
    const Rect box{area.x + (i % 3) * (key_w + gap), area.y + (i / 3) * (key_h + gap), key_w, key_h};
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

}  // namespace kiosk::core
