// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/display/texture_cache.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <functional>

#include "drivers/display/sdl_text_measurer.h"

namespace kiosk::drivers::display {

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
  CachedText value{SDL_CreateTextureFromSurface(renderer, surface), surface->w, surface->h};
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
