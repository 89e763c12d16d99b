// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/flow/value.h"

namespace kiosk::core {

namespace {
const Value kNull;
const std::string kEmptyString;
const Value::Array kEmptyArray;
const Value::Object kEmptyObject;
}  // namespace

bool Value::as_bool(bool fallback) const {
  const auto* b = std::get_if<bool>(&m_v);
  return b ? *b : fallback;
}

std::int64_t Value::as_int(std::int64_t fallback) const {
  if (const auto* i = std::get_if<std::int64_t>(&m_v)) return *i;
  return fallback;
}

double Value::as_double(double fallback) const {
  if (const auto* d = std::get_if<double>(&m_v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&m_v)) return static_cast<double>(*i);
  return fallback;
}

const std::string& Value::as_string() const {
  const auto* s = std::get_if<std::string>(&m_v);
  return s ? *s : kEmptyString;
}

const Value::Array& Value::as_array() const {
  const auto* a = std::get_if<Array>(&m_v);
  return a ? *a : kEmptyArray;
}

const Value::Object& Value::as_object() const {
  const auto* o = std::get_if<Object>(&m_v);
  return o ? *o : kEmptyObject;
}

const Value& Value::operator[](std::string_view key) const {
  const auto* o = std::get_if<Object>(&m_v);
  if (!o) return kNull;
  auto it = o->find(key);
  return it == o->end() ? kNull : it->second;
}

Value& Value::set(std::string key, Value value) {
  if (!is_object()) m_v = Object{};
  std::get<Object>(m_v).insert_or_assign(std::move(key), std::move(value));
  return *this;
}

Value& Value::push(Value value) {
  if (!is_array()) m_v = Array{};
  std::get<Array>(m_v).push_back(std::move(value));
  return *this;
}

std::vector<std::string> Value::strings() const {
  std::vector<std::string> out;
  for (const Value& item : as_array())
    if (item.is_string()) out.push_back(item.as_string());
  return out;
}

}  // namespace kiosk::core
