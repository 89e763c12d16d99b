// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One SDL texture per rendered text run, keyed by (string, px, face, colour), evicted
// least-recently-used beyond a count and a byte bound. Rasterising a line costs ~0.3 ms
// and a large bold title several ms; drawing a cached one costs a RenderCopy.
// Owned by SdlDisplay; main thread only; textures belong to one renderer.
#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>

#include "kiosk/core/present/display_list.h"
#include "kiosk/core/present/theme.h"

struct SDL_Renderer;
struct SDL_Texture;

namespace kiosk::drivers::display {

class SdlTextMeasurer;

struct CachedText {
  SDL_Texture* texture = nullptr;   // owned by the cache
  int w = 0, h = 0;                 // pixels: the inked rows only
  int y = 0;                        // rows left out above them (draw at the line's top + y)
};

class TextureCache {
 public:
  TextureCache(std::size_t max_entries, std::size_t max_bytes);
  ~TextureCache();
  TextureCache(const TextureCache&) = delete;
  TextureCache& operator=(const TextureCache&) = delete;

  // The texture for this run, rendered on a miss; texture null if it cannot be drawn
  // (empty text, font missing). Valid until the next get() or clear().
  CachedText get(SDL_Renderer* renderer, const SdlTextMeasurer& fonts, const std::string& utf8,
                 int px, core::FontFace face, core::Rgb color);
  void clear();

  std::size_t size() const { return m_lru.size(); }
  std::size_t bytes() const { return m_bytes; }
  std::size_t misses() const { return m_misses; }   // for tests and benchmarks
  std::size_t max_bytes() const { return m_max_bytes; }

 private:
  struct Key {
    std::string text; int px; core::FontFace face; core::Rgb color;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash { std::size_t operator()(const Key& k) const; };
  struct Entry { Key key; CachedText value; std::size_t bytes; };

  void evict_to_fit();

  std::size_t m_max_entries;
  std::size_t m_max_bytes;
  std::size_t m_bytes = 0;
  std::size_t m_misses = 0;
  std::list<Entry> m_lru;   // front = most recently used
  std::unordered_map<Key, std::list<Entry>::iterator, KeyHash> m_index;
};

}  // namespace kiosk::drivers::display
