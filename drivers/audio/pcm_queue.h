// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A growable FIFO of S16 samples. Not thread-safe: the owner locks around it.
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace kiosk::drivers::audio {

class PcmQueue {
 public:
  void push(std::span<const std::int16_t> pcm) {
    // Compact lazily so pops stay O(1) and the buffer does not grow without bound.
    if (m_read > 0 && m_read >= m_data.size() / 2) {
      m_data.erase(m_data.begin(), m_data.begin() + static_cast<std::ptrdiff_t>(m_read));
      m_read = 0;
    }
    m_data.insert(m_data.end(), pcm.begin(), pcm.end());
  }
  // Copies up to out.size() samples; returns how many.
  std::size_t pop(std::span<std::int16_t> out) {
    const std::size_t n = std::min(out.size(), size());
    std::copy_n(m_data.begin() + static_cast<std::ptrdiff_t>(m_read), n, out.begin());
    m_read += n;
    return n;
  }
  std::size_t size() const { return m_data.size() - m_read; }
  void clear() {
    m_data.clear();
    m_read = 0;
  }

 private:
  std::vector<std::int16_t> m_data;
  std::size_t m_read = 0;
};

}  // namespace kiosk::drivers::audio
