// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Text fields: what a resident types into (ID numbers, phone numbers, codes, PINs).
// A service owns its TextField values and puts them into its tree with node(); the
// Kiosk routes typed input (keypad, keyboard, braille dots, the on-screen pad) to the
// focused field through Service::edit(). Pure; main thread only.
#include <cstddef>
#include <optional>
#include <string>

#include "kiosk/core/ui/message.h"
#include "kiosk/core/ui/ui_tree.h"

namespace kiosk::core {

// What a field accepts and how it echoes (docs/accessibility.md S7):
//   id_number          18 characters, digits and a final X; digits echoed to headset and
//                      braille only, "已输入 n 位" on the loudspeaker; masked on screen
//   certificate_number the ID number, category and grade digits (20), and a replacement
//                      mark B1, B2, ... (up to 24); echoed as id_number; masked as its ID
//                      part, with category, grade and mark hidden
//   phone              11 digits; echoed like an ID number
//   digits             plain digits (a count, a year); echoed everywhere
//   code               a one-time code; never spoken, shown or brailled ("星号", *, full cell)
//   pin                as code
enum class FieldKind { IdNumber, CertificateNumber, Phone, Digits, Code, Pin };
const char* field_kind_name(FieldKind kind);    // stable English id, e.g. "id_number"
bool field_is_secret(FieldKind kind);           // code, pin
bool field_takes_x(FieldKind kind);             // id_number, certificate_number

// One typed input, whatever device it came from.
enum class FieldKey { Char, Backspace, Clear, CursorLeft, CursorRight, CursorTo };
struct FieldInput {
  FieldKey key = FieldKey::Char;
  char ch = 0;          // FieldKey::Char: '0'-'9' or 'X'
  int position = 0;     // FieldKey::CursorTo: character index 0..length (braille routing)
  bool operator==(const FieldInput&) const = default;
};

// What an edit did, for the presenters (echo) and the error path (C1).
enum class FieldEditResult { Inserted, Deleted, Cleared, Moved, Full, Rejected, Unchanged };

class TextField {
 public:
  TextField(FieldKind kind, std::size_t max_length);

  FieldKind kind() const { return m_kind; }
  const std::string& value() const { return m_value; }   // ASCII: digits and X only
  std::size_t cursor() const { return m_cursor; }        // 0..length
  std::size_t max_length() const { return m_max_length; }
  bool full() const { return m_value.size() >= m_max_length; }

  // X is taken only as the 18th character of an ID-type field (the check digit), B only
  // as the 21st of a certificate number (where the star key types it).
  FieldEditResult apply(const FieldInput& input);
  void clear();   // session end and "clear"

  // What the screen shows: ID-type fields keep the first 6 and last 4 characters
  // ("141081********1942"), a phone the first 3 and last 4 ("138****0001"), code/pin one
  // '*' per character, digits as typed.
  std::string masked() const;

  // The tree node for this field: role TextField, name, value, masked_value, privacy
  // (Personal for ID-type fields, Secret for code/pin), cursor and kind set.
  Node node(std::string id, Message name, Message hint) const;

  static constexpr std::size_t kIdLength = 18;              // an ID number's characters
  static constexpr std::size_t kIdCheckAt = 17;             // where its check character goes
  static constexpr std::size_t kCertificateSuffixAt = 20;   // a certificate's B1, B2, ...
  static constexpr std::size_t kCertificateMaxLength = 24;

 private:
  char letter_at(char ch) const;   // what ch types at the cursor; 0: not here

  FieldKind m_kind;
  std::size_t m_max_length;
  std::string m_value;
  std::size_t m_cursor = 0;
};

}  // namespace kiosk::core
