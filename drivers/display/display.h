// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The large-print display as the app sees it: open, present a core::DisplayList, take a
// screenshot. SdlDisplay (SDL2 + SDL2_ttf) is the real one; RecordingDisplay
// (recording_display.h) is its twin for tests that need no SDL. Main thread only.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "drivers/display/result.h"
#include "drivers/display/sdl_text_measurer.h"
#include "kiosk/core/present/display_list.h"
#include "kiosk/core/present/theme.h"

struct SDL_Renderer;

namespace kiosk::drivers::display {

class TextureCache;

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
  // A screen's text at 1080p is at most about 2 MiB (lines are kept trimmed to their
  // inked rows). The foundation bench's walk (13-item home menu, identity, the guide and
  // its result, the help desk) keeps 9 MiB of lines besides captions; 16 MiB leaves room
  // for a hall with more services before the walk would thrash.
  std::size_t cache_bytes = 16u << 20;
  // Captions (what was just spoken) change on every focus move and are rarely seen
  // again: they get their own small cache, so they neither push a screen's lines out of
  // the main one nor fill it (the bench's walk: 47 caption lines, 10 MiB, per round).
  // It holds a caption's lines across the frames that show it, and the one before.
  std::size_t caption_cache_entries = 8;
  std::size_t caption_cache_bytes = 3u << 20;
};

class Display {
 public:
  // Draws the sign pane's frame where the layout put a DrawVideo (the video driver's
  // SignPane draws with the renderer; a display without one never calls it).
  using VideoHook = std::function<void(SDL_Renderer*, const core::DrawVideo&)>;

  virtual ~Display() = default;
  virtual Status open(const Options& options) = 0;
  virtual bool is_open() const = 0;
  virtual const core::TextMeasurer& measurer() const = 0;   // only after a successful open()
  virtual void set_theme(const core::Theme& theme) = 0;    // the next present redraws
  virtual const core::Theme& theme() const = 0;
  virtual void set_video_hook(VideoHook hook) = 0;          // empty = none
  // Draws and presents unless `list` equals the last presented list (and nothing was
  // invalidated since). Returns whether a frame was presented.
  virtual bool present_if_changed(const core::DisplayList& list) = 0;
  virtual void invalidate() = 0;   // the next present draws (exposed, resized, video frame)
  // Drops every rendered line: at a session's end nothing the resident saw stays in memory.
  virtual void forget_text() = 0;
  virtual Status save_png(const std::string& path) = 0;   // the last list, as PNG
  // For benchmarks: the rendered-text cache, if the display has one.
  virtual const TextureCache* texture_cache() const { return nullptr; }
  virtual const TextureCache* caption_cache() const { return nullptr; }
  // SDL's id of the window shown, 0 for none (headless, or before open()).
  virtual std::uint32_t window_id() const { return 0; }
};

}  // namespace kiosk::drivers::display
