// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A JSON-shaped value the core can hold without a JSON library: the typed fields of a
// backend request and the data of its reply. The app converts it to and from the wire
// (kiosk/app/runtime/requests.cpp). Plain value; any thread may copy it.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kiosk::core {

class Value {
 public:
  using Array = std::vector<Value>;
  using Object = std::map<std::string, Value, std::less<>>;

  Value() = default;                                          // null
  Value(bool b) : m_v(b) {}                                   // NOLINT: implicit on purpose
  Value(int i) : m_v(static_cast<std::int64_t>(i)) {}         // NOLINT
  Value(std::int64_t i) : m_v(i) {}                           // NOLINT
  Value(double d) : m_v(d) {}                                 // NOLINT
  Value(const char* s) : m_v(std::string(s)) {}               // NOLINT
  Value(std::string s) : m_v(std::move(s)) {}                 // NOLINT
  Value(Array a) : m_v(std::move(a)) {}                       // NOLINT
  Value(Object o) : m_v(std::move(o)) {}                      // NOLINT

  bool is_null() const { return m_v.index() == 0; }
  bool is_bool() const { return std::holds_alternative<bool>(m_v); }
  bool is_int() const { return std::holds_alternative<std::int64_t>(m_v); }
  bool is_number() const { return is_int() || std::holds_alternative<double>(m_v); }
  bool is_string() const { return std::holds_alternative<std::string>(m_v); }
  bool is_array() const { return std::holds_alternative<Array>(m_v); }
  bool is_object() const { return std::holds_alternative<Object>(m_v); }

  // Readers that never throw: a missing key or a different type gives the fallback.
  bool as_bool(bool fallback = false) const;
  std::int64_t as_int(std::int64_t fallback = 0) const;
  double as_double(double fallback = 0) const;
  const std::string& as_string() const;                       // "" unless a string
  const Array& as_array() const;                              // empty unless an array
  const Object& as_object() const;                            // empty unless an object
  const Value& operator[](std::string_view key) const;        // null unless present
  std::string string_at(std::string_view key) const { return (*this)[key].as_string(); }
  std::vector<std::string> strings() const;                  // an array's strings; others skipped

  // Builders: set a member (turning null into an object), append to an array.
  Value& set(std::string key, Value value);
  Value& push(Value value);

  bool operator==(const Value&) const = default;

 private:
  std::variant<std::monostate, bool, std::int64_t, double, std::string, Array, Object> m_v;
};

}  // namespace kiosk::core
