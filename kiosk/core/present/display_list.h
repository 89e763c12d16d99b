// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What one frame shows, as plain values: the core's layout produces it, the display
// driver draws it (and caches one texture per text run). Coordinates are pixels in
// the window; colours are theme roles, resolved by the driver from the active Theme.
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {

struct Rect {
  int x = 0, y = 0, w = 0, h = 0;
  bool contains(int px, int py) const { return px >= x && py >= y && px < x + w && py < y + h; }
  bool intersects(const Rect& o) const {
    return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
  }
  bool operator==(const Rect&) const = default;
};

enum class ColorRole {
  Background, Text, MutedText, Accent, ButtonFace, ButtonText, SelectedFace, SelectedText,
  Focus, Error, ErrorText, Border, CaptionFace, CaptionText
};

enum class FontFace { Regular, Bold, Braille };

struct DrawRect {
  Rect rect; ColorRole color; int border = 0;   // border 0 = filled
  bool operator==(const DrawRect&) const = default;
};
struct DrawText {
  Rect box;                          // the text's box; lines are drawn from its top-left
  std::vector<std::string> lines;    // already wrapped by the layout
  int px = 32;                       // font size in pixels
  FontFace face = FontFace::Regular;
  ColorRole color = ColorRole::Text;
  bool center = false;
  bool operator==(const DrawText&) const = default;
};
// A region reserved for a video (the sign-language pane); the driver draws the frame.
struct DrawVideo {
  Rect rect; std::string clip;
  bool operator==(const DrawVideo&) const = default;
};

struct DisplayList {
  int width = 1920, height = 1080;
  std::vector<DrawRect> rects;       // drawn first, in order
  std::vector<DrawText> texts;       // drawn after rects
  std::vector<DrawVideo> videos;
  bool blank = false;                // privacy curtain: draw only the background (black)
  bool operator==(const DisplayList&) const = default;
};

// Glyph metrics for layout, implemented by the display driver over SDL_ttf.
class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  virtual int width(const std::string& utf8, int px, FontFace face) const = 0;   // pixels
  virtual int line_height(int px, FontFace face) const = 0;                       // pixels
};

}  // namespace kiosk::core
