// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One multi-step service as a sequence of steps with the resident's answers.
// Back never loses an answer; a flow that submits has a confirm step, and
// can_submit() is true only after the resident confirmed on it.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::core {

enum class Submits { No, AfterConfirm };

class Flow {
 public:
  Flow(std::string id, std::vector<std::string> steps, Submits submits);

  const std::string& id() const { return m_id; }
  const std::string& current() const { return m_steps[m_index]; }
  int step() const { return static_cast<int>(m_index) + 1; }        // 1-based
  int steps() const { return static_cast<int>(m_steps.size()); }
  bool at_last() const { return m_index + 1 == m_steps.size(); }

  bool next();   // false at the last step
  bool back();   // false at the first step (the caller leaves the flow); answers kept
  bool go_to(const std::string& step_id);

  void set(const std::string& key, std::string value);
  void clear(const std::string& key);
  std::optional<std::string> get(const std::string& key) const;
  const std::map<std::string, std::string>& answers() const { return m_answers; }

  void confirm();                 // only on the last step of a submitting flow
  bool can_submit() const { return m_submits == Submits::AfterConfirm && m_confirmed; }

 private:
  std::string m_id;
  std::vector<std::string> m_steps;
  std::size_t m_index = 0;
  Submits m_submits;
  bool m_confirmed = false;
  std::map<std::string, std::string> m_answers;
};

}  // namespace kiosk::core
