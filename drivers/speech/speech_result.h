// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Result type for fallible calls across the speech driver's edge (no exceptions).
#include <string>
#include <utility>
#include <variant>

namespace kiosk::drivers::speech {

struct SpeechError {
  std::string code;     // stable snake_case, e.g. "espeak_init_failed"
  std::string message;  // for the log; never holds personal data
};

template <class T>
class SpeechResult {
 public:
  SpeechResult(T value) : m_v(std::move(value)) {}  // NOLINT: implicit by design
  SpeechResult(SpeechError error) : m_v(std::move(error)) {}  // NOLINT
  bool ok() const { return m_v.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(m_v); }
  const T& value() const { return std::get<0>(m_v); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const SpeechError& error() const { return std::get<1>(m_v); }

 private:
  std::variant<T, SpeechError> m_v;
};

}  // namespace kiosk::drivers::speech
