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
      const char letter = letter_at(input.ch);
      if (letter == 0) return FieldEditResult::Rejected;
      if (full()) return FieldEditResult::Full;
      m_value.insert(m_cursor, 1, letter);
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

// The pad has no letter keys: the star key (Command::X, ch 'X') types the one letter a
// place may hold. In an ID-type field that is the check character X as the 18th
// character; in a certificate number also the replacement mark B as the 21st (B1, B2, ...).
char TextField::letter_at(char ch) const {
  if (ch >= '0' && ch <= '9') return ch;
  const bool star = ch == 'X' || ch == 'x';
  if ((star || ch == 'B' || ch == 'b') && m_kind == FieldKind::CertificateNumber && m_cursor == kCertificateSuffixAt)
    return 'B';
  if (star && field_takes_x(m_kind) && m_cursor == kIdCheckAt) return 'X';
  return 0;
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
  // A certificate number is masked as its ID part, and what follows it (category, grade,
  // replacement mark) is hidden too: "141081********0356**".
  const std::size_t shown_to = m_kind == FieldKind::CertificateNumber ? std::min<std::size_t>(out.size(), kIdLength) : out.size();
  for (std::size_t i = head; i + tail < shown_to; ++i) out[i] = '*';
  for (std::size_t i = shown_to; i < out.size(); ++i) out[i] = '*';
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
