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

#include "drivers/display/result.h"
#include "drivers/display/sdl_text_measurer.h"
#include "drivers/display/texture_cache.h"
#include "kiosk/core/present/display_list.h"
#include "kiosk/core/present/theme.h"

struct SDL_Window;
struct SDL_Renderer;

namespace kiosk::drivers::display {

enum class DisplayMode {
  Window,       // a normal window (development), cursor hidden
  Fullscreen,   // SDL_WINDOW_FULLSCREEN_DESKTOP, cursor hidden
  Headless,     // SDL "dummy" video driver + software renderer (tests, --headless)
};

struct Options {
  DisplayMode mode = DisplayMode::Window;
  int width = 1920, height = 1080;             // pixels; Fullscreen takes the desktop's
  std::string title = "kiosk";
  FontFiles fonts;
  std::size_t cache_entries = 512;             // texture cache bounds
  // A screen's text at 1080p is at most about 2 MiB, but captions and values make many
  // one-off lines: below 16 MiB the foundation bench's walk thrashes (12 MiB: 4,119
  // misses in 1,000 keys instead of 193, p95 key-to-frame 11 ms instead of 2.8).
  std::size_t cache_bytes = 16u << 20;
};

class SdlDisplay {
 public:
  using VideoHook = std::function<void(SDL_Renderer*, const core::DrawVideo&)>;

  SdlDisplay();
  ~SdlDisplay();
  SdlDisplay(const SdlDisplay&) = delete;
  SdlDisplay& operator=(const SdlDisplay&) = delete;

  // Initialises SDL video (reference counted), the window, renderer and fonts.
  // Headless must run before anything else initialises SDL video with another driver.
  Status open(const Options& options);
  bool is_open() const { return m_renderer != nullptr; }

  const core::TextMeasurer& measurer() const;   // only after a successful open()
  void set_theme(const core::Theme& theme);     // next present_if_changed() redraws
  const core::Theme& theme() const { return m_theme; }
  void set_video_hook(VideoHook hook);          // empty = default (border only)

  // Draws into the back buffer without presenting.
  void draw(const core::DisplayList& list);
  // Draws and presents unless list equals the last presented list (and nothing was
  // invalidated since). Returns whether a frame was presented.
  bool present_if_changed(const core::DisplayList& list);
  // Forces the next present_if_changed() to draw (window exposed, resized, video frame).
  void invalidate() { m_dirty = true; }
  // Drops every rendered line and measured width: at a session's end nothing the resident
  // saw (a name, an ID number) stays in memory, and the memory goes back to the system.
  void forget_text();

  // Redraws the last drawn list and writes the pixels as PNG (works in every mode,
  // because a presented back buffer is undefined on GPU renderers).
  Status save_png(const std::string& path);

  SDL_Renderer* renderer() const { return m_renderer; }
  SDL_Window* window() const { return m_window; }
  int width() const;    // output pixels
  int height() const;
  const TextureCache* texture_cache() const { return m_cache.get(); }
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
  std::unique_ptr<TextureCache> m_cache;
  core::Theme m_theme;
  VideoHook m_video_hook;
  std::optional<core::DisplayList> m_last_drawn;
  std::optional<core::DisplayList> m_last_presented;
  bool m_dirty = true;
  std::size_t m_frames = 0;
};

}  // namespace kiosk::drivers::display
