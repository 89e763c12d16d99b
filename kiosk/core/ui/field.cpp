// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/ui/field.h"

#include <algorithm>
#include <utility>

namespace kiosk::core {

const char* field_kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::IdNumber: return "id_number";
    case FieldKind::CertificateNumber: return "certificate_number";
    case FieldKind::Phone: return "phone";
    case FieldKind::Digits: return "digits";
    case FieldKind::Code: return "code";
    case FieldKind::Pin: return "pin";
  }
  return "digits";
}

bool field_is_secret(FieldKind kind) { return kind == FieldKind::Code || kind == FieldKind::Pin; }

bool field_takes_x(FieldKind kind) { return kind == FieldKind::IdNumber || kind == FieldKind::CertificateNumber; }

TextField::TextField(FieldKind kind, std::size_t max_length) : m_kind(kind), m_max_length(max_length) {}

FieldEditResult TextField::apply(const FieldInput& input) {
  switch (input.key) {
    case FieldKey::Char: {
      const bool digit = input.ch >= '0' && input.ch <= '9';
      // X only in an ID-type field, and only as its 18th character (the check digit).
      const bool x = (input.ch == 'X' || input.ch == 'x') && field_takes_x(m_kind) && m_cursor == 17;
      if (!digit && !x) return FieldEditResult::Rejected;
      if (full()) return FieldEditResult::Full;
      m_value.insert(m_cursor, 1, x ? 'X' : input.ch);
      ++m_cursor;
      return FieldEditResult::Inserted;
    }
    case FieldKey::Backspace:
      if (m_cursor == 0) return FieldEditResult::Unchanged;
      m_value.erase(--m_cursor, 1);
      return FieldEditResult::Deleted;
    case FieldKey::Clear:
      if (m_value.empty()) return FieldEditResult::Unchanged;
      clear();
      return FieldEditResult::Cleared;
    case FieldKey::CursorLeft:
      if (m_cursor == 0) return FieldEditResult::Unchanged;
      --m_cursor;
      return FieldEditResult::Moved;
    case FieldKey::CursorRight:
      if (m_cursor >= m_value.size()) return FieldEditResult::Unchanged;
      ++m_cursor;
      return FieldEditResult::Moved;
    case FieldKey::CursorTo: {
      if (input.position < 0) return FieldEditResult::Rejected;
      const std::size_t to = std::min(static_cast<std::size_t>(input.position), m_value.size());
      if (to == m_cursor) return FieldEditResult::Unchanged;
      m_cursor = to;
      return FieldEditResult::Moved;
    }
  }
  return FieldEditResult::Rejected;
}

void TextField::clear() {
  // Overwrite before releasing: an ID number or a code should not linger in freed memory.
  std::fill(m_value.begin(), m_value.end(), '\0');
  m_value.clear();
  m_cursor = 0;
}

std::string TextField::masked() const {
  if (field_is_secret(m_kind)) return std::string(m_value.size(), '*');
  if (m_kind == FieldKind::Digits) return m_value;
  // The ends stay readable so the resident can check them; the middle is starred, as
  // the identity service masks numbers (first 6 and last 4 of an ID, 3 and 4 of a phone).
  const std::size_t head = m_kind == FieldKind::Phone ? 3 : 6, tail = 4;
  std::string out = m_value;
  for (std::size_t i = head; i + tail < out.size(); ++i) out[i] = '*';
  return out;
}

Node TextField::node(std::string id, Message name, Message hint) const {
  Node n;
  n.id = std::move(id);
  n.role = Role::TextField;
  n.name = std::move(name);
  n.hint = std::move(hint);
  n.value = m_value;
  n.masked_value = masked();
  n.privacy = field_is_secret(m_kind) ? Privacy::Secret : m_kind == FieldKind::Digits ? Privacy::Public : Privacy::Personal;
  n.field_kind = field_kind_name(m_kind);
  n.cursor = static_cast<int>(m_cursor);
  return n;
}

}  // namespace kiosk::core
