// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Drawing the touch bar and the on-screen pad into a ScreenLayout (layout.cpp places them).
// Pure; main thread only, like the layout.
#include "kiosk/core/present/layout.h"

namespace kiosk::core {

// The touch bar in [left, right) at `top`, `height` px high; the page buttons only when paged.
void draw_touch_bar(const LayoutInput& in, const Sizes& s, const TextMeasurer& measurer, int left, int right, int top,
                    int height, bool paged, ScreenLayout& out);
// The pad's 3 x 4 keys in `area`, `gap` px apart.
void draw_pad(const LayoutInput& in, const Sizes& s, const TextMeasurer& measurer, const Rect& area, int gap,
              ScreenLayout& out);

}  // namespace kiosk::core
