// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fonts and glyph metrics over SDL_ttf: Noto Sans CJK SC (face index 2 of the Debian
// .ttc files) for Regular and Bold, DejaVu Sans for Braille (Noto has no U+2800 block;
// SDL_ttf has no fallback, so the layout picks FontFace::Braille for braille runs).
// Sizes are em sizes in pixels (SDL_ttf at 72 dpi: 1 pt = 1 px).
// Owns one TTF_Font per face, opened on first use and sized per call. Main thread only
// (SDL_ttf is not thread-safe); the instance must outlive every texture drawn with its fonts.
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "drivers/display/result.h"
#include "kiosk/core/present/display_list.h"

struct _TTF_Font;
typedef struct _TTF_Font TTF_Font;

namespace kiosk::drivers::display {

struct FontFiles {
  std::string regular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  std::string bold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
  long cjk_face_index = 2;   // 2 = Noto Sans CJK SC (0 would draw Japanese glyph shapes)
  std::string braille = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
};

class SdlTextMeasurer final : public core::TextMeasurer {
 public:
  // Initialises SDL_ttf (reference counted) and checks each font file opens.
  static Result<std::unique_ptr<SdlTextMeasurer>> open(const FontFiles& files = {});
  ~SdlTextMeasurer() override;
  SdlTextMeasurer(const SdlTextMeasurer&) = delete;
  SdlTextMeasurer& operator=(const SdlTextMeasurer&) = delete;

  int width(const std::string& utf8, int px, core::FontFace face) const override;
  int line_height(int px, core::FontFace face) const override;

  // The font for `face`, set to px (clamped to 4..512) until the next call; null only if
  // the file vanished.
  TTF_Font* font(core::FontFace face, int px) const;
  void forget_widths() { m_widths.clear(); }   // the cache is keyed by the texts

 private:
  explicit SdlTextMeasurer(FontFiles files);
  struct WidthKey {
    std::string text; int px; core::FontFace face;
    bool operator==(const WidthKey&) const = default;
  };
  struct WidthKeyHash { std::size_t operator()(const WidthKey& k) const; };

  FontFiles m_files;
  struct OpenFont {
    TTF_Font* font;
    int px;   // the size it is set to now
  };
  mutable std::map<core::FontFace, OpenFont> m_fonts;
  // Layout measures the same runs on every change; shaping is the costly part.
  mutable std::unordered_map<WidthKey, int, WidthKeyHash> m_widths;
};

}  // namespace kiosk::drivers::display
