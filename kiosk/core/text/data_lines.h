// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The data lines of a line-based text file (the pinyin word list, the braille syllable
// table): each line without its end (LF or CRLF) and its number from 1, blank lines and
// `#` comments passed over. A view: `text` must outlive the reader. Any thread.
#include <algorithm>
#include <cstddef>
#include <string_view>

namespace kiosk::core {

class DataLines {
 public:
  explicit DataLines(std::string_view text) : m_text(text) {}

  // The next data line into `line` and its 1-based number into `number`; false at the end.
  bool next(std::string_view& line, std::size_t& number) {
    while (m_at < m_text.size()) {
      const std::size_t end = std::min(m_text.find('\n', m_at), m_text.size());
      line = m_text.substr(m_at, end - m_at);
      m_at = end + 1;
      ++m_number;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      number = m_number;
      return true;
    }
    return false;
  }

 private:
  std::string_view m_text;
  std::size_t m_at = 0;
  std::size_t m_number = 0;
};

}  // namespace kiosk::core
