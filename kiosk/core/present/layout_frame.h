// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the files of layout_screen (layout.cpp, layout_footer.cpp) share about the frame
// being laid out. Internal to the layout; pure; main thread only, like the layout.
#include <string>

#include "kiosk/core/present/layout.h"

namespace kiosk::core::layout_parts {

// What every part of one frame's layout shares.
struct Frame {
  const LayoutInput& in;
  const TextMeasurer& measurer;
  const LayoutMetrics& metrics;
  Sizes s;
  std::string lang;
  bool easy;
  int body_line, small_line;
  int left, right;
};

}  // namespace kiosk::core::layout_parts
