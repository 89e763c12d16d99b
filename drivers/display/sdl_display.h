// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The large-print display: draws a core::DisplayList with SDL2 + SDL2_ttf.
//
// Frame order: clear to the theme background, rects, texts (one cached texture per
// line), videos (through the video hook). A curtained list (blank) is pure black.
// present_if_changed() skips identical frames, so an idle kiosk draws nothing.
// Coordinates are window pixels; the list's width/height become the renderer's logical
// size, so a layout made for 1920×1080 still fills another screen.
// Owns the window, renderer, fonts and texture cache. Main thread only (SDL video).
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "drivers/display/display.h"
#include "drivers/display/result.h"
#include "drivers/display/sdl_text_measurer.h"
#include "drivers/display/texture_cache.h"
#include "kiosk/core/present/display_list.h"
#include "kiosk/core/present/theme.h"

struct SDL_Window;
struct SDL_Renderer;

namespace kiosk::drivers::display {

class SdlDisplay final : public Display {
 public:
  SdlDisplay();
  ~SdlDisplay() override;
  SdlDisplay(const SdlDisplay&) = delete;
  SdlDisplay& operator=(const SdlDisplay&) = delete;

  // Initialises SDL video (reference counted), the window, renderer and fonts.
  // Headless must run before anything else initialises SDL video with another driver.
  Status open(const Options& options) override;
  bool is_open() const override { return m_renderer != nullptr; }

  const core::TextMeasurer& measurer() const override;   // only after a successful open()
  void set_theme(const core::Theme& theme) override;     // next present_if_changed() redraws
  const core::Theme& theme() const override { return m_theme; }
  void set_video_hook(VideoHook hook) override;          // empty = default (border only)

  // Draws into the back buffer without presenting.
  void draw(const core::DisplayList& list);
  // Draws and presents unless list equals the last presented list (and nothing was
  // invalidated since). Returns whether a frame was presented.
  bool present_if_changed(const core::DisplayList& list) override;
  // Forces the next present_if_changed() to draw (window exposed, resized, video frame).
  void invalidate() override { m_dirty = true; }
  // Drops every rendered line and measured width: at a session's end nothing the resident
  // saw (a name, an ID number) stays in memory, and the memory goes back to the system.
  void forget_text() override;

  // Redraws the last drawn list and writes the pixels as PNG (works in every mode,
  // because a presented back buffer is undefined on GPU renderers).
  Status save_png(const std::string& path) override;

  SDL_Renderer* renderer() const { return m_renderer; }
  SDL_Window* window() const { return m_window; }
  int width() const;    // output pixels
  int height() const;
  const TextureCache* texture_cache() const override { return m_cache.get(); }
  const TextureCache* caption_cache() const override { return m_caption_cache.get(); }
  std::uint32_t window_id() const override;
  std::size_t frames_presented() const { return m_frames; }

 private:
  void close();
  void set_color(core::ColorRole role);
  void draw_rect(const core::DrawRect& r);
  void draw_text(const core::DrawText& t);

  SDL_Window* m_window = nullptr;
  SDL_Renderer* m_renderer = nullptr;
  bool m_video_inited = false;
  std::unique_ptr<SdlTextMeasurer> m_fonts;
  std::unique_ptr<TextureCache> m_cache;           // every text but captions
  std::unique_ptr<TextureCache> m_caption_cache;   // captions (ColorRole::CaptionText)
  core::Theme m_theme;
  VideoHook m_video_hook;
  std::optional<core::DisplayList> m_last_drawn;
  std::optional<core::DisplayList> m_last_presented;
  bool m_dirty = true;
  std::size_t m_frames = 0;
};

}  // namespace kiosk::drivers::display
