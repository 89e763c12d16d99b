// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The focus order of one screen: every focusable node, plain text included (EZ Access
// reading order). Up/Down walk it and wrap; a wrap is reported so the caller can play
// the `wrap` earcon (never the only cue: the position is spoken too).
#include <string>
#include <vector>

namespace kiosk::core {

struct FocusMove {
  bool moved = false;
  bool wrapped = false;
};

class FocusRing {
 public:
  void reset(std::vector<std::string> node_ids, int index = 0);
  FocusMove next();
  FocusMove previous();
  FocusMove first();
  FocusMove last();
  bool focus(const std::string& node_id);   // false when the node is not on the ring

  bool empty() const { return m_ids.empty(); }
  int index() const { return m_index; }             // 0-based; -1 when empty
  int count() const { return static_cast<int>(m_ids.size()); }
  const std::string& current() const;                // "" when empty
  const std::vector<std::string>& ids() const { return m_ids; }

 private:
  std::vector<std::string> m_ids;
  int m_index = -1;
};

}  // namespace kiosk::core
