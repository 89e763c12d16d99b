// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/display/texture_cache.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <functional>

#include "drivers/display/sdl_text_measurer.h"

namespace kiosk::drivers::display {

namespace {

// The rows [top, bottom) of a blended text surface (32-bit, with alpha) that hold any
// ink. A line is rendered at the font's full height (ascent + descent: 1.45 em for Noto
// Sans CJK), but CJK glyphs fill about 1.1 em of it; the transparent rows above and below
// would only be blended as nothing, so the texture keeps the inked rows (about a third
// less memory per line). At least one row, so an all-blank run still has a texture.
std::pair<int, int> ink_rows(SDL_Surface* surface) {
  if (surface->format->BytesPerPixel != 4 || surface->format->Amask == 0) return {0, surface->h};
  if (SDL_MUSTLOCK(surface) && SDL_LockSurface(surface) != 0) return {0, surface->h};
  const Uint32 amask = surface->format->Amask;
  auto inked = [&](int row) {
    const auto* px = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(surface->pixels) +
                                                     static_cast<std::ptrdiff_t>(row) * surface->pitch);
    for (int x = 0; x < surface->w; ++x)
      if ((px[x] & amask) != 0) return true;
    return false;
  };
  int top = 0;
  while (top < surface->h && !inked(top)) ++top;
  int bottom = surface->h;
  while (bottom > top && !inked(bottom - 1)) --bottom;
  if (SDL_MUSTLOCK(surface)) SDL_UnlockSurface(surface);
  if (top == bottom) return {0, std::min(1, surface->h)};
  return {top, bottom};
}

// The texture for rows [top, bottom) of surface, sharing its pixels while it is copied.
SDL_Texture* texture_from_rows(SDL_Renderer* renderer, SDL_Surface* surface, int top, int bottom) {
  if (top == 0 && bottom == surface->h) return SDL_CreateTextureFromSurface(renderer, surface);
  SDL_Surface* rows = SDL_CreateRGBSurfaceWithFormatFrom(
      static_cast<Uint8*>(surface->pixels) + static_cast<std::ptrdiff_t>(top) * surface->pitch, surface->w,
      bottom - top, 32, surface->pitch, surface->format->format);
  if (rows == nullptr) return SDL_CreateTextureFromSurface(renderer, surface);
  SDL_Texture* texture = SDL_CreateTextureFromSurface(renderer, rows);
  SDL_FreeSurface(rows);
  return texture;
}

}  // namespace

std::size_t TextureCache::KeyHash::operator()(const Key& k) const {
  std::size_t h = std::hash<std::string>{}(k.text);
  const auto extra = static_cast<std::size_t>(k.px) << 26 ^
                     static_cast<std::size_t>(k.face) << 24 ^
                     static_cast<std::size_t>(k.color.r) << 16 ^
                     static_cast<std::size_t>(k.color.g) << 8 ^ k.color.b;
  return h ^ (extra * 0x9E3779B97F4A7C15ULL);
}

TextureCache::TextureCache(std::size_t max_entries, std::size_t max_bytes)
    : m_max_entries(max_entries), m_max_bytes(max_bytes) {}

TextureCache::~TextureCache() { clear(); }

void TextureCache::clear() {
  for (auto& e : m_lru) SDL_DestroyTexture(e.value.texture);
  m_lru.clear();
  m_index.clear();
  m_bytes = 0;
}

CachedText TextureCache::get(SDL_Renderer* renderer, const SdlTextMeasurer& fonts,
                             const std::string& utf8, int px, core::FontFace face,
                             core::Rgb color) {
  if (utf8.empty()) return {};
  Key key{utf8, px, face, color};
  if (auto it = m_index.find(key); it != m_index.end()) {
    m_lru.splice(m_lru.begin(), m_lru, it->second);
    return it->second->value;
  }
  ++m_misses;
  TTF_Font* font = fonts.font(face, px);
  if (font == nullptr) return {};
  SDL_Surface* surface =
      TTF_RenderUTF8_Blended(font, utf8.c_str(), SDL_Color{color.r, color.g, color.b, 255});
  if (surface == nullptr) return {};
  const auto [top, bottom] = ink_rows(surface);
  CachedText value{texture_from_rows(renderer, surface, top, bottom), surface->w, bottom - top, top};
  SDL_FreeSurface(surface);
  if (value.texture == nullptr) return {};
  const auto bytes = static_cast<std::size_t>(value.w) * static_cast<std::size_t>(value.h) * 4;
  m_lru.push_front(Entry{key, value, bytes});
  m_index.emplace(std::move(key), m_lru.begin());
  m_bytes += bytes;
  evict_to_fit();
  return value;
}

void TextureCache::evict_to_fit() {
  // Never evict the entry just added (front), even if it alone exceeds the byte bound.
  while (m_lru.size() > 1 && (m_lru.size() > m_max_entries || m_bytes > m_max_bytes)) {
    Entry& last = m_lru.back();
    SDL_DestroyTexture(last.value.texture);
    m_bytes -= last.bytes;
    m_index.erase(last.key);
    m_lru.pop_back();
  }
}

}  // namespace kiosk::drivers::display
