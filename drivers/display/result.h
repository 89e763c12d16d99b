// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Value-or-error for the display driver's fallible calls (docs/design.md section 7: no
// exceptions across module edges). `code` is stable snake_case for logs and tests;
// `message` is for people and names the file and line where there is one.
#include <optional>
#include <string>
#include <utility>

namespace kiosk::drivers::display {

struct Error {
  std::string code;      // e.g. "theme_parse", "sdl_init", "font_open"
  std::string message;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_value(std::move(value)) {}                        // NOLINT: implicit
  Result(Error error) : m_error(std::move(error)) {}                    // NOLINT: implicit
  bool ok() const { return m_value.has_value(); }
  explicit operator bool() const { return ok(); }
  T& value() { return *m_value; }
  const T& value() const { return *m_value; }
  T& operator*() { return *m_value; }
  const T& operator*() const { return *m_value; }
  T* operator->() { return &*m_value; }
  const T* operator->() const { return &*m_value; }
  const Error& error() const { return m_error; }

 private:
  std::optional<T> m_value;
  Error m_error;
};

// Success without a value.
struct Ok {};
using Status = Result<Ok>;

}  // namespace kiosk::drivers::display
