// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The project's one value-or-error type for fallible calls across module edges (no
// exceptions cross them: docs/design.md section 7). A driver's error is core::Error, a
// stable snake_case `code` for logs and tests and a `message` for people (naming the file
// and line where there is one; never personal data). The backend carries its richer
// ApiError in the same template. Plain values: any thread may create, copy or move them.
#include <string>
#include <utility>
#include <variant>

namespace kiosk::core {

struct Error {
  std::string code;      // e.g. "theme_parse", "espeak_init_failed"
  std::string message;
};

// Success without a value: Result<Ok>.
struct Ok {};

template <class T, class E = Error>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}   // NOLINT: implicit on purpose
  Result(E error) : m_v(std::in_place_index<1>, std::move(error)) {}   // NOLINT
  bool ok() const { return m_v.index() == 0; }
  explicit operator bool() const { return ok(); }
  // value(), * and -> only when ok(); error() only when not (std::bad_variant_access otherwise).
  T& value() { return std::get<0>(m_v); }
  const T& value() const { return std::get<0>(m_v); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const E& error() const { return std::get<1>(m_v); }

 private:
  std::variant<T, E> m_v;
};

}  // namespace kiosk::core
