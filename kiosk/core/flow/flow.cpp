// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/flow/flow.h"

#include <algorithm>
#include <cassert>

namespace kiosk::core {

Flow::Flow(std::string id, std::vector<std::string> steps, Submits submits)
    : m_id(std::move(id)), m_steps(std::move(steps)), m_submits(submits) {
  assert(!m_steps.empty());
}

bool Flow::next() {
  if (at_last()) return false;
  ++m_index;
  return true;
}

bool Flow::back() {
  m_confirmed = false;
  if (m_index == 0) return false;
  --m_index;
  return true;
}

bool Flow::go_to(const std::string& step_id) {
  auto it = std::find(m_steps.begin(), m_steps.end(), step_id);
  if (it == m_steps.end()) return false;
  m_index = static_cast<std::size_t>(it - m_steps.begin());
  m_confirmed = false;
  return true;
}

void Flow::set(const std::string& key, std::string value) {
  m_answers[key] = std::move(value);
  m_confirmed = false;   // a changed answer needs a fresh confirmation
}

void Flow::clear(const std::string& key) {
  m_answers.erase(key);
  m_confirmed = false;
}

std::optional<std::string> Flow::get(const std::string& key) const {
  auto it = m_answers.find(key);
  if (it == m_answers.end()) return std::nullopt;
  return it->second;
}

void Flow::confirm() {
  if (m_submits == Submits::AfterConfirm && at_last()) m_confirmed = true;
}

}  // namespace kiosk::core
