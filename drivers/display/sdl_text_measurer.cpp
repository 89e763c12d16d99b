// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/display/sdl_text_measurer.h"

#include <SDL_ttf.h>

#include <algorithm>
#include <functional>

namespace kiosk::drivers::display {

namespace {

constexpr std::size_t kMaxCachedWidths = 20000;

}  // namespace

std::size_t SdlTextMeasurer::WidthKeyHash::operator()(const WidthKey& k) const {
  return std::hash<std::string>{}(k.text) ^
         (std::hash<int>{}(k.px * 4 + static_cast<int>(k.face)) * 0x9E3779B97F4A7C15ULL);
}

SdlTextMeasurer::SdlTextMeasurer(FontFiles files) : m_files(std::move(files)) {}

Result<std::unique_ptr<SdlTextMeasurer>> SdlTextMeasurer::open(const FontFiles& files) {
  if (TTF_Init() != 0) return Error{"ttf_init", std::string("TTF_Init: ") + TTF_GetError()};
  std::unique_ptr<SdlTextMeasurer> m(new SdlTextMeasurer(files));
  for (auto face : {core::FontFace::Regular, core::FontFace::Bold, core::FontFace::Braille}) {
    if (m->font(face, 32) == nullptr) {
      const std::string& path = face == core::FontFace::Regular ? files.regular
                                : face == core::FontFace::Bold  ? files.bold
                                                                : files.braille;
      return Error{"font_open", path + ": " + TTF_GetError()};
    }
  }
  return m;
}

SdlTextMeasurer::~SdlTextMeasurer() {
  for (auto& [face, open] : m_fonts) TTF_CloseFont(open.font);
  TTF_Quit();
}

TTF_Font* SdlTextMeasurer::font(core::FontFace face, int px) const {
  px = std::clamp(px, 4, 512);
  if (auto it = m_fonts.find(face); it != m_fonts.end()) {
    // One FreeType face a file, sized on use: a Noto CJK face holds about 0.8 MB of
    // tables, so a face a size (3 faces x the sizes of 5 zoom steps) cost about 9 MB.
    // Callers use the font at once and never hold it across another call.
    if (it->second.px != px && TTF_SetFontSize(it->second.font, px) == 0) it->second.px = px;
    return it->second.font;
  }
  TTF_Font* f = nullptr;
  switch (face) {
    case core::FontFace::Regular:
      f = TTF_OpenFontIndex(m_files.regular.c_str(), px, m_files.cjk_face_index);
      break;
    case core::FontFace::Bold:
      f = TTF_OpenFontIndex(m_files.bold.c_str(), px, m_files.cjk_face_index);
      break;
    case core::FontFace::Braille:
      f = TTF_OpenFont(m_files.braille.c_str(), px);
      break;
  }
  if (f != nullptr) m_fonts.emplace(face, OpenFont{f, px});
  return f;
}

int SdlTextMeasurer::width(const std::string& utf8, int px, core::FontFace face) const {
  if (utf8.empty()) return 0;
  WidthKey key{utf8, px, face};
  if (auto it = m_widths.find(key); it != m_widths.end()) return it->second;
  TTF_Font* f = font(face, px);
  int w = 0, h = 0;
  if (f == nullptr || TTF_SizeUTF8(f, utf8.c_str(), &w, &h) != 0) return 0;
  if (m_widths.size() >= kMaxCachedWidths) m_widths.clear();
  m_widths.emplace(std::move(key), w);
  return w;
}

int SdlTextMeasurer::line_height(int px, core::FontFace face) const {
  TTF_Font* f = font(face, px);
  return f != nullptr ? TTF_FontLineSkip(f) : px;
}

}  // namespace kiosk::drivers::display
