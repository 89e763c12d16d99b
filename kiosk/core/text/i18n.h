// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Message catalogues: message id -> text per language, each with an optional
// easy-read variant (docs/accessibility.md C2). Loaded by the app from config/locales;
// the core only looks things up. A missing id is a bug: text() returns the id in
// brackets (never a blank) and missing() records it so tests fail.
#include <map>
#include <set>
#include <string>

#include "kiosk/core/ui/message.h"

namespace kiosk::core {

struct CatalogEntry {
  std::string text;
  std::string easy;   // easy-read variant; empty = same as text
};

class Catalog {
 public:
  void add(const std::string& language, const std::string& id, CatalogEntry entry);
  bool has(const std::string& language, const std::string& id) const;

  // Text of a message in a language with {name} arguments substituted; literals pass through.
  // easy = true picks the easy-read variant when there is one.
  std::string text(const Message& message, const std::string& language, bool easy = false) const;
  std::string text(const std::string& id, const std::string& language, bool easy = false) const;

  const std::map<std::string, CatalogEntry>& entries(const std::string& language) const;
  const std::set<std::string>& missing() const { return m_missing; }

 private:
  std::map<std::string, std::map<std::string, CatalogEntry>> m_by_language;
  mutable std::set<std::string> m_missing;   // "language:id" looked up but absent
};

}  // namespace kiosk::core
