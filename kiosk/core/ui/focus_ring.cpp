// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/ui/focus_ring.h"

#include <algorithm>

namespace kiosk::core {

namespace {
const std::string kNone;
}

void FocusRing::reset(std::vector<std::string> node_ids, int index) {
  m_ids = std::move(node_ids);
  m_index = m_ids.empty() ? -1 : std::clamp(index, 0, count() - 1);
}

FocusMove FocusRing::next() {
  if (m_ids.empty()) return {};
  if (m_index + 1 < count()) {
    ++m_index;
    return {true, false};
  }
  m_index = 0;
  return {true, count() > 1};
}

FocusMove FocusRing::previous() {
  if (m_ids.empty()) return {};
  if (m_index > 0) {
    --m_index;
    return {true, false};
  }
  m_index = count() - 1;
  return {true, count() > 1};
}

FocusMove FocusRing::first() {
  if (m_ids.empty()) return {};
  const bool moved = m_index != 0;
  m_index = 0;
  return {moved, false};
}

FocusMove FocusRing::last() {
  if (m_ids.empty()) return {};
  const bool moved = m_index != count() - 1;
  m_index = count() - 1;
  return {moved, false};
}

bool FocusRing::focus(const std::string& node_id) {
  auto it = std::find(m_ids.begin(), m_ids.end(), node_id);
  if (it == m_ids.end()) return false;
  m_index = static_cast<int>(it - m_ids.begin());
  return true;
}

const std::string& FocusRing::current() const {
  return m_index < 0 ? kNone : m_ids[static_cast<std::size_t>(m_index)];
}

}  // namespace kiosk::core
