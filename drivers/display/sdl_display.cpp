// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/display/sdl_display.h"

#include "drivers/display/sdl_image_lib.h"

#include <SDL.h>
#include <malloc.h>

#include <algorithm>
#include <future>

namespace kiosk::drivers::display {

namespace {

Error sdl_error(const char* code, const char* what) {
  return Error{code, std::string(what) + ": " + SDL_GetError()};
}

constexpr int kDefaultVideoBorder = 4;   // px, the empty video pane's outline

}  // namespace

SdlDisplay::SdlDisplay() = default;

SdlDisplay::~SdlDisplay() { close(); }

void SdlDisplay::close() {
  m_cache.reset();   // textures before their renderer
  m_caption_cache.reset();
  m_fonts.reset();
  if (m_renderer != nullptr) SDL_DestroyRenderer(m_renderer);
  if (m_window != nullptr) SDL_DestroyWindow(m_window);
  m_renderer = nullptr;
  m_window = nullptr;
  if (m_video_inited) SDL_QuitSubSystem(SDL_INIT_VIDEO);
  m_video_inited = false;
  m_last_drawn.reset();
  m_last_presented.reset();
}

namespace {
constexpr int kTextureMmapThreshold = 64 * 1024;   // bytes
}  // namespace

Status SdlDisplay::open(const Options& options) {
  close();
  // A line's texture is 20 to 300 KiB of pixels, made and freed as screens change. glibc
  // raises its mmap threshold to the largest block freed, after which such blocks come
  // from the heap, which fragments and keeps what was freed (the foundation bench's walk:
  // 7 MB of heap beyond the cached textures). A fixed threshold keeps the big pixel
  // blocks mmapped, so an evicted texture's memory goes back to the system at once.
  mallopt(M_MMAP_THRESHOLD, kTextureMmapThreshold);
  const bool headless = options.mode == DisplayMode::Headless;
  // FreeType reads the three faces (about 25 ms, most of it the two CJK collections) on a
  // worker while SDL makes the window and its renderer: the first frame waits for the
  // longer of the two, not their sum. SDL_ttf shares no state with SDL's video; the
  // measurer is used on this thread only once get() has returned it.
  auto fonts_opening = std::async(std::launch::async, [files = options.fonts] { return SdlTextMeasurer::open(files); });
  // Override: an inherited SDL_VIDEODRIVER=x11 must not put a headless run on a screen.
  // Reset afterwards so a later Window/Fullscreen open in this process is unaffected.
  if (headless) SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
  const int init = SDL_InitSubSystem(SDL_INIT_VIDEO);
  if (headless) SDL_ResetHint(SDL_HINT_VIDEODRIVER);
  if (init != 0) return sdl_error("sdl_init", "SDL video");
  m_video_inited = true;

  Uint32 flags = headless ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN;
  if (options.mode == DisplayMode::Fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  m_window = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED,
                              SDL_WINDOWPOS_CENTERED, options.width, options.height, flags);
  if (m_window == nullptr) {
    Error e = sdl_error("sdl_window", "SDL_CreateWindow");
    close();
    return e;
  }
  if (!headless) {
    m_renderer = SDL_CreateRenderer(m_window, -1, SDL_RENDERER_ACCELERATED);
    SDL_ShowCursor(SDL_DISABLE);   // touch and keypad only; a pointer confuses residents
  }
  if (m_renderer == nullptr) m_renderer = SDL_CreateRenderer(m_window, -1, SDL_RENDERER_SOFTWARE);
  if (m_renderer == nullptr) {
    Error e = sdl_error("sdl_renderer", "SDL_CreateRenderer");
    close();
    return e;
  }
  SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_NONE);

  auto fonts = fonts_opening.get();
  if (!fonts) {
    Error e = fonts.error();
    close();
    return e;
  }
  m_fonts = std::move(*fonts);
  m_cache = std::make_unique<TextureCache>(options.cache_entries, options.cache_bytes);
  m_caption_cache = std::make_unique<TextureCache>(options.caption_cache_entries, options.caption_cache_bytes);
  m_dirty = true;
  return Ok{};
}

const core::TextMeasurer& SdlDisplay::measurer() const { return *m_fonts; }

void SdlDisplay::set_theme(const core::Theme& theme) {
  if (theme.id == m_theme.id && theme.colors == m_theme.colors) return;
  m_theme = theme;
  m_dirty = true;
}

void SdlDisplay::set_video_hook(VideoHook hook) {
  m_video_hook = std::move(hook);
  m_dirty = true;
}

std::uint32_t SdlDisplay::window_id() const { return m_window != nullptr ? SDL_GetWindowID(m_window) : 0; }

int SdlDisplay::width() const {
  int w = 0, h = 0;
  if (m_renderer != nullptr) SDL_GetRendererOutputSize(m_renderer, &w, &h);
  return w;
}

int SdlDisplay::height() const {
  int w = 0, h = 0;
  if (m_renderer != nullptr) SDL_GetRendererOutputSize(m_renderer, &w, &h);
  return h;
}

void SdlDisplay::set_color(core::ColorRole role) {
  const core::Rgb c = m_theme.color(role);
  SDL_SetRenderDrawColor(m_renderer, c.r, c.g, c.b, 255);
}

void SdlDisplay::draw_rect(const core::DrawRect& r) {
  if (r.rect.w <= 0 || r.rect.h <= 0) return;
  set_color(r.color);
  const SDL_Rect whole{r.rect.x, r.rect.y, r.rect.w, r.rect.h};
  if (r.border <= 0 || 2 * r.border >= std::min(r.rect.w, r.rect.h)) {
    SDL_RenderFillRect(m_renderer, &whole);
    return;
  }
  // The border lies inside the rect, so a focus ring never spills onto neighbours.
  const int b = r.border;
  const SDL_Rect sides[4] = {
      {r.rect.x, r.rect.y, r.rect.w, b},
      {r.rect.x, r.rect.y + r.rect.h - b, r.rect.w, b},
      {r.rect.x, r.rect.y + b, b, r.rect.h - 2 * b},
      {r.rect.x + r.rect.w - b, r.rect.y + b, b, r.rect.h - 2 * b},
  };
  SDL_RenderFillRects(m_renderer, sides, 4);
}

void SdlDisplay::draw_text(const core::DrawText& t) {
  const core::Rgb color = m_theme.color(t.color);
  const int skip = m_fonts->line_height(t.px, t.face);
  int y = t.box.y;
  TextureCache& cache = t.color == core::ColorRole::CaptionText ? *m_caption_cache : *m_cache;
  for (const std::string& line : t.lines) {
    const CachedText ct = cache.get(m_renderer, *m_fonts, line, t.px, t.face, color);
    if (ct.texture != nullptr) {
      const int x = t.center ? t.box.x + (t.box.w - ct.w) / 2 : t.box.x;
      const SDL_Rect dst{x, y + ct.y, ct.w, ct.h};
      SDL_RenderCopy(m_renderer, ct.texture, nullptr, &dst);
    }
    y += skip;
  }
}

void SdlDisplay::draw(const core::DisplayList& list) {
  if (m_renderer == nullptr) return;
  int lw = 0, lh = 0;
  SDL_RenderGetLogicalSize(m_renderer, &lw, &lh);
  if (lw != list.width || lh != list.height) {
    int ow = 0, oh = 0;
    SDL_GetRendererOutputSize(m_renderer, &ow, &oh);
    if ((lw != 0 || ow != list.width || oh != list.height) && list.width > 0 && list.height > 0)
      SDL_RenderSetLogicalSize(m_renderer, list.width, list.height);
  }
  m_last_drawn = list;
  if (list.blank) {
    // Privacy curtain (docs/accessibility.md V6): black whatever the theme.
    SDL_SetRenderDrawColor(m_renderer, 0, 0, 0, 255);
    SDL_RenderClear(m_renderer);
    return;
  }
  set_color(core::ColorRole::Background);
  SDL_RenderClear(m_renderer);
  for (const auto& r : list.rects) draw_rect(r);
  for (const auto& t : list.texts) draw_text(t);
  for (const auto& v : list.videos) {
    if (m_video_hook) {
      m_video_hook(m_renderer, v);
    } else {
      draw_rect(core::DrawRect{v.rect, core::ColorRole::Border, kDefaultVideoBorder});
    }
  }
}

void SdlDisplay::forget_text() {
  if (m_cache) m_cache->clear();
  if (m_caption_cache) m_caption_cache->clear();
  if (m_fonts) m_fonts->forget_widths();
  malloc_trim(0);
  m_dirty = true;
}

bool SdlDisplay::present_if_changed(const core::DisplayList& list) {
  if (m_renderer == nullptr) return false;
  if (!m_dirty && m_last_presented && *m_last_presented == list) return false;
  draw(list);
  SDL_RenderPresent(m_renderer);
  m_last_presented = list;
  m_dirty = false;
  ++m_frames;
  return true;
}

Status SdlDisplay::save_png(const std::string& path) {
  if (m_renderer == nullptr) return Error{"not_open", "display is not open"};
  if (m_last_drawn) {
    const core::DisplayList list = *m_last_drawn;
    draw(list);
  }
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(m_renderer, &w, &h);
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
  if (surface == nullptr) return sdl_error("sdl_surface", "SDL_CreateRGBSurfaceWithFormat");
  std::string why;
  const SdlImageLib* image = load_sdl_image(&why);   // opened on the first screenshot
  Status result = Ok{};
  if (SDL_RenderReadPixels(m_renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, surface->pixels,
                           surface->pitch) != 0) {
    result = sdl_error("sdl_read_pixels", "SDL_RenderReadPixels");
  } else if (image == nullptr) {
    result = Error{"png_write", path + ": " + why};
  } else if (image->save_png(surface, path.c_str()) != 0) {
    result = Error{"png_write", path + ": " + SDL_GetError()};
  }
  SDL_FreeSurface(surface);
  return result;
}

}  // namespace kiosk::drivers::display
